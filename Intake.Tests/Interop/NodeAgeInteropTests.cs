using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age;

namespace Intake.Tests.Interop;

/// <summary>
/// Files sealed by Intake.Crypto open with the npm age-encryption package
/// under Node, and the other way round. Node runs Interop/js/age-tool.mjs.
/// </summary>
public sealed class NodeAgeInteropTests : IDisposable
{
    private const string Tool = "age-tool.mjs";

    private readonly TempDirectory _temp = new();

    public static TheoryData<int, bool> SizesAndArmor()
    {
        var data = new TheoryData<int, bool>();
        foreach (int size in new[] { 0, 1, 65535, 65536, 65537, (200 * 1024) + 13 })
        {
            data.Add(size, false);
            data.Add(size, true);
        }

        return data;
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(SizesAndArmor))]
    public void SealedInCSharp_ToX25519Recipient_OpensInNode(int size, bool armor)
    {
        (string identity, string recipient) = NodeKeygen();
        byte[] plaintext = RandomNumberGenerator.GetBytes(size);
        string sealedPath = _temp.File("sealed.age");
        using (FileStream output = File.Create(sealedPath))
        {
            AgeFile.Encrypt(new MemoryStream(plaintext), output, [X25519Recipient.Parse(recipient)], armor);
        }

        if (armor)
        {
            Assert.StartsWith("-----BEGIN AGE ENCRYPTED FILE-----", File.ReadAllText(sealedPath), StringComparison.Ordinal);
        }

        string openedPath = _temp.File("opened.bin");
        NodeRunner.RunChecked(Tool, ["decrypt", "--identity", identity, sealedPath, openedPath]);

        AssertSameBytes(plaintext, File.ReadAllBytes(openedPath));
    }

    [Theory]
    [MemberData(nameof(SizesAndArmor))]
    public void SealedInNode_ToX25519Recipient_OpensInCSharp(int size, bool armor)
    {
        using var identity = X25519Identity.Generate();
        byte[] plaintext = RandomNumberGenerator.GetBytes(size);
        string plainPath = _temp.File("plain.bin");
        string sealedPath = _temp.File("sealed.age");
        File.WriteAllBytes(plainPath, plaintext);

        var arguments = new List<string> { "encrypt", "--recipient", identity.Recipient.ToString() };
        if (armor)
        {
            arguments.Add("--armor");
        }

        arguments.AddRange([plainPath, sealedPath]);
        NodeRunner.RunChecked(Tool, arguments);

        var opened = new MemoryStream();
        using (FileStream input = File.OpenRead(sealedPath))
        {
            AgeFile.Decrypt(input, opened, [identity]);
        }

        AssertSameBytes(plaintext, opened.ToArray());
    }

    [Fact]
    public void IdentityFromNode_ParsesInCSharp_ToSameRecipient()
    {
        (string identity, string recipient) = NodeKeygen();

        using var parsed = X25519Identity.Parse(identity);

        Assert.Equal(recipient, parsed.Recipient.ToString());
        Assert.Equal(recipient, X25519Recipient.Parse(recipient).ToString());
    }

    [Fact]
    public void IdentityFromCSharp_GivesSameRecipientInNode()
    {
        using var identity = X25519Identity.Generate();
        string exported = identity.ExportSecretKey();
        Assert.StartsWith("AGE-SECRET-KEY-1", exported, StringComparison.Ordinal);

        string recipient = NodeRunner.RunChecked(Tool, ["recipient", exported]).Trim();

        Assert.Equal(identity.Recipient.ToString(), recipient);
    }

    [Fact]
    public void SealedInCSharp_ToTwoRecipients_OpensInNode_WithEither()
    {
        (string nodeIdentity, string nodeRecipient) = NodeKeygen();
        using var other = X25519Identity.Generate();
        byte[] plaintext = RandomNumberGenerator.GetBytes(5000);
        string sealedPath = _temp.File("sealed.age");
        File.WriteAllBytes(sealedPath, AgeFile.Encrypt(plaintext, [other.Recipient, X25519Recipient.Parse(nodeRecipient)]));

        NodeRunner.RunChecked(Tool, ["decrypt", "--identity", nodeIdentity, sealedPath, _temp.File("a.bin")]);
        NodeRunner.RunChecked(Tool, ["decrypt", "--identity", other.ExportSecretKey(), sealedPath, _temp.File("b.bin")]);

        AssertSameBytes(plaintext, File.ReadAllBytes(_temp.File("a.bin")));
        AssertSameBytes(plaintext, File.ReadAllBytes(_temp.File("b.bin")));
    }

    [Fact]
    public void SealedInNode_ToTwoRecipients_OpensInCSharp()
    {
        using var first = X25519Identity.Generate();
        using var second = X25519Identity.Generate();
        byte[] plaintext = Encoding.UTF8.GetBytes("Anmälan: hot mot handläggare i Ånge, 2026-11-24.");
        File.WriteAllBytes(_temp.File("plain.txt"), plaintext);

        NodeRunner.RunChecked(Tool, [
            "encrypt", "--recipient", first.Recipient.ToString(), "--recipient", second.Recipient.ToString(),
            _temp.File("plain.txt"), _temp.File("sealed.age")]);

        byte[] sealedBytes = File.ReadAllBytes(_temp.File("sealed.age"));
        AssertSameBytes(plaintext, AgeFile.Decrypt(sealedBytes, [second]));
        AssertSameBytes(plaintext, AgeFile.Decrypt(sealedBytes, [first]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SealedInCSharp_WithPassphrase_OpensInNode(bool armor)
    {
        const string Passphrase = "korrekt häst batteri häftklammer";
        byte[] plaintext = RandomNumberGenerator.GetBytes(70_000);
        string sealedPath = _temp.File("sealed.age");
        using (FileStream output = File.Create(sealedPath))
        {
            AgeFile.Encrypt(new MemoryStream(plaintext), output, [new ScryptRecipient(Passphrase, 10)], armor);
        }

        NodeRunner.RunChecked(Tool, ["decrypt", "--passphrase", Passphrase, sealedPath, _temp.File("opened.bin")]);

        AssertSameBytes(plaintext, File.ReadAllBytes(_temp.File("opened.bin")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SealedInNode_WithPassphrase_OpensInCSharp(bool armor)
    {
        const string Passphrase = "korrekt häst batteri häftklammer";
        byte[] plaintext = RandomNumberGenerator.GetBytes(70_000);
        File.WriteAllBytes(_temp.File("plain.bin"), plaintext);
        var arguments = new List<string> { "encrypt", "--passphrase", Passphrase, "--work-factor", "10" };
        if (armor)
        {
            arguments.Add("--armor");
        }

        arguments.AddRange([_temp.File("plain.bin"), _temp.File("sealed.age")]);
        NodeRunner.RunChecked(Tool, arguments);

        var opened = new MemoryStream();
        using (FileStream input = File.OpenRead(_temp.File("sealed.age")))
        {
            AgeFile.Decrypt(input, opened, [new ScryptIdentity(Passphrase)]);
        }

        AssertSameBytes(plaintext, opened.ToArray());
    }

    [Fact]
    public void SealedInNode_WithPassphrase_WrongPassphraseInCSharp_IsRejected()
    {
        File.WriteAllBytes(_temp.File("plain.bin"), [1, 2, 3]);
        NodeRunner.RunChecked(Tool, ["encrypt", "--passphrase", "rätt", "--work-factor", "10", _temp.File("plain.bin"), _temp.File("sealed.age")]);

        byte[] sealedBytes = File.ReadAllBytes(_temp.File("sealed.age"));

        Assert.ThrowsAny<AgeException>(() => AgeFile.Decrypt(sealedBytes, [new ScryptIdentity("fel")]));
    }

    [Fact]
    public void SealedInNode_WithPassphrase_AboveTheWorkFactorCap_IsRejectedByCSharp()
    {
        File.WriteAllBytes(_temp.File("plain.bin"), [1, 2, 3]);
        NodeRunner.RunChecked(Tool, ["encrypt", "--passphrase", "rätt", "--work-factor", "10", _temp.File("plain.bin"), _temp.File("sealed.age")]);

        byte[] sealedBytes = File.ReadAllBytes(_temp.File("sealed.age"));

        Assert.Throws<AgeHeaderException>(() => AgeFile.Decrypt(sealedBytes, [new ScryptIdentity("rätt", maxWorkFactor: 9)]));
        Assert.Equal([1, 2, 3], AgeFile.Decrypt(sealedBytes, [new ScryptIdentity("rätt", maxWorkFactor: 10)]));
    }

    [Fact]
    public void SealedInCSharp_ToOtherRecipient_IsRejectedByNode()
    {
        (string nodeIdentity, _) = NodeKeygen();
        using var other = X25519Identity.Generate();
        File.WriteAllBytes(_temp.File("sealed.age"), AgeFile.Encrypt(new byte[100], [other.Recipient]));

        NodeResult result = NodeRunner.Run(Tool, ["decrypt", "--identity", nodeIdentity, _temp.File("sealed.age"), _temp.File("opened.bin")]);

        Assert.True(result.ExitCode == 1, $"expected exit code 1, got {result.ExitCode}; stderr: {result.StandardError}");
        Assert.Contains("no identity matched", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void SealedInNode_ToOtherRecipient_IsRejectedByCSharp()
    {
        using var intended = X25519Identity.Generate();
        using var other = X25519Identity.Generate();
        File.WriteAllBytes(_temp.File("plain.bin"), new byte[100]);
        NodeRunner.RunChecked(Tool, ["encrypt", "--recipient", intended.Recipient.ToString(), _temp.File("plain.bin"), _temp.File("sealed.age")]);

        byte[] sealedBytes = File.ReadAllBytes(_temp.File("sealed.age"));

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(sealedBytes, [other]));
    }

    [Fact]
    public void SealedInNode_TamperedPayload_IsRejectedByCSharp()
    {
        using var identity = X25519Identity.Generate();
        File.WriteAllBytes(_temp.File("plain.bin"), RandomNumberGenerator.GetBytes(100_000));
        NodeRunner.RunChecked(Tool, ["encrypt", "--recipient", identity.Recipient.ToString(), _temp.File("plain.bin"), _temp.File("sealed.age")]);
        byte[] sealedBytes = File.ReadAllBytes(_temp.File("sealed.age"));
        sealedBytes[^70_000] ^= 0x01; // inside the first 64 KiB chunk

        Assert.Throws<AgePayloadException>(() => AgeFile.Decrypt(new MemoryStream(sealedBytes), Stream.Null, [identity]));
    }

    [Fact]
    public void SealedInNode_TamperedHeader_IsRejectedByCSharp()
    {
        using var identity = X25519Identity.Generate();
        File.WriteAllBytes(_temp.File("plain.bin"), new byte[10]);
        NodeRunner.RunChecked(Tool, ["encrypt", "--recipient", identity.Recipient.ToString(), _temp.File("plain.bin"), _temp.File("sealed.age")]);
        byte[] sealedBytes = File.ReadAllBytes(_temp.File("sealed.age"));
        // Flip a bit in the stanza body (second line after the stanza arguments): the MAC
        // check must fail, or the file key unwrap, never silently succeed.
        int bodyLine = IndexOfNth(sealedBytes, (byte)'\n', 2) + 1;
        sealedBytes[bodyLine + 3] = sealedBytes[bodyLine + 3] == (byte)'A' ? (byte)'B' : (byte)'A';

        Assert.ThrowsAny<AgeException>(() => AgeFile.Decrypt(sealedBytes, [identity]));
    }

    [Fact]
    public void SealedInCSharp_WithStreamingWriter_OpensInNode()
    {
        (string identity, string recipient) = NodeKeygen();
        byte[] plaintext = RandomNumberGenerator.GetBytes((3 * 65536) + 100);
        string sealedPath = _temp.File("sealed.age");
        using (FileStream output = File.Create(sealedPath))
        using (Stream sealing = AgeFile.OpenWrite(output, [X25519Recipient.Parse(recipient)], armor: false, leaveOpen: true))
        {
            // Odd-sized writes straddle the 64 KiB chunk boundaries.
            for (int offset = 0; offset < plaintext.Length; offset += 7919)
            {
                sealing.Write(plaintext, offset, Math.Min(7919, plaintext.Length - offset));
            }
        }

        NodeRunner.RunChecked(Tool, ["decrypt", "--identity", identity, sealedPath, _temp.File("opened.bin")]);

        AssertSameBytes(plaintext, File.ReadAllBytes(_temp.File("opened.bin")));
    }

    [Fact]
    public void SealedInNode_ReadWithStreamingReader_InCSharp()
    {
        using var identity = X25519Identity.Generate();
        byte[] plaintext = RandomNumberGenerator.GetBytes((3 * 65536) + 100);
        File.WriteAllBytes(_temp.File("plain.bin"), plaintext);
        NodeRunner.RunChecked(Tool, ["encrypt", "--recipient", identity.Recipient.ToString(), "--armor", _temp.File("plain.bin"), _temp.File("sealed.age")]);

        var opened = new MemoryStream();
        using (FileStream input = File.OpenRead(_temp.File("sealed.age")))
        using (Stream reading = AgeFile.OpenRead(input, [identity], leaveOpen: false))
        {
            byte[] buffer = new byte[5003];
            int read;
            while ((read = reading.Read(buffer, 0, buffer.Length)) > 0)
            {
                opened.Write(buffer, 0, read);
            }
        }

        AssertSameBytes(plaintext, opened.ToArray());
    }

    [Fact]
    public async Task SealedInCSharpAsync_OpensInNode_AndBackAsync()
    {
        (string identity, string recipient) = NodeKeygen();
        byte[] plaintext = RandomNumberGenerator.GetBytes((2 * 65536) + 1);
        string sealedPath = _temp.File("sealed.age");
        await using (FileStream output = new(sealedPath, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true))
        {
            await AgeFile.EncryptAsync(new MemoryStream(plaintext), output, [X25519Recipient.Parse(recipient)], armor: true);
        }

        NodeRunner.RunChecked(Tool, ["decrypt", "--identity", identity, sealedPath, _temp.File("opened.bin")]);
        AssertSameBytes(plaintext, File.ReadAllBytes(_temp.File("opened.bin")));

        // And a file sealed by Node to the same key, opened asynchronously in C#.
        NodeRunner.RunChecked(Tool, ["encrypt", "--recipient", recipient, _temp.File("opened.bin"), _temp.File("resealed.age")]);
        using var parsed = X25519Identity.Parse(identity);
        var reopened = new MemoryStream();
        await using (FileStream input = new(_temp.File("resealed.age"), FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true))
        {
            await AgeFile.DecryptAsync(input, reopened, [parsed]);
        }

        AssertSameBytes(plaintext, reopened.ToArray());
    }

    [Fact]
    public async Task SealedInNode_OpensInCSharp_WithEveryReadSizeAsync()
    {
        // Files whose last chunk is full, and one byte past it; read back with buffers
        // smaller than, equal to and larger than a 64 KiB chunk, synchronously and not.
        using var identity = X25519Identity.Generate();
        int[] sizes = [65536, 131072, 131073];
        int[] readSizes = [1, 4096, 65535, 65536, 65537, 262144];
        var arguments = new List<string> { "encrypt", "--recipient", identity.Recipient.ToString() };
        var plaintexts = new List<byte[]>();
        foreach (int size in sizes)
        {
            byte[] plaintext = RandomNumberGenerator.GetBytes(size);
            plaintexts.Add(plaintext);
            File.WriteAllBytes(_temp.File($"{size}.bin"), plaintext);
            arguments.AddRange([_temp.File($"{size}.bin"), _temp.File($"{size}.age")]);
        }

        NodeRunner.RunChecked(Tool, arguments);

        for (int i = 0; i < sizes.Length; i++)
        {
            byte[] sealedBytes = File.ReadAllBytes(_temp.File($"{sizes[i]}.age"));
            foreach (int readSize in readSizes)
            {
                foreach (bool async in new[] { false, true })
                {
                    var opened = new MemoryStream();
                    byte[] buffer = new byte[readSize];
                    using (Stream reading = AgeFile.OpenRead(new MemoryStream(sealedBytes), [identity]))
                    {
                        int read;
                        while ((read = async ? await reading.ReadAsync(buffer) : reading.Read(buffer)) > 0)
                        {
                            opened.Write(buffer, 0, read);
                        }

                        Assert.Equal(0, reading.Read(buffer)); // stays at end
                    }

                    Assert.True(
                        plaintexts[i].AsSpan().SequenceEqual(opened.ToArray()),
                        $"size {sizes[i]}, reads of {readSize} bytes, async {async}: plaintext differs");
                }
            }
        }
    }

    [Fact]
    public void SealedInCSharp_WithEveryWriteSize_OpensInNode()
    {
        // The writer seals a full chunk as final only at Dispose: files that end on a chunk
        // boundary, written in pieces that end exactly on, before and after boundaries.
        (string identity, string recipient) = NodeKeygen();
        int[] sizes = [65536, 131072, 131073];
        int[] writeSizes = [4096, 65536, 65537, 131072];
        var arguments = new List<string> { "decrypt", "--identity", identity };
        var expected = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (int size in sizes)
        {
            byte[] plaintext = RandomNumberGenerator.GetBytes(size);
            foreach (int writeSize in writeSizes)
            {
                string name = $"{size}-{writeSize}";
                using (FileStream output = File.Create(_temp.File(name + ".age")))
                using (Stream sealing = AgeFile.OpenWrite(output, [X25519Recipient.Parse(recipient)], armor: false, leaveOpen: true))
                {
                    for (int offset = 0; offset < size; offset += writeSize)
                    {
                        sealing.Write(plaintext, offset, Math.Min(writeSize, size - offset));
                    }
                }

                expected[name] = plaintext;
                arguments.AddRange([_temp.File(name + ".age"), _temp.File(name + ".out")]);
            }
        }

        NodeRunner.RunChecked(Tool, arguments);

        foreach ((string name, byte[] plaintext) in expected)
        {
            Assert.True(plaintext.AsSpan().SequenceEqual(File.ReadAllBytes(_temp.File(name + ".out"))), $"{name}: plaintext differs");
        }
    }

    private static (string Identity, string Recipient) NodeKeygen()
    {
        using var json = System.Text.Json.JsonDocument.Parse(NodeRunner.RunChecked(Tool, ["keygen"]));
        return (json.RootElement.GetProperty("identity").GetString()!, json.RootElement.GetProperty("recipient").GetString()!);
    }

    private static int IndexOfNth(byte[] data, byte value, int n)
    {
        int index = -1;
        for (int i = 0; i < n; i++)
        {
            index = Array.IndexOf(data, value, index + 1);
        }

        return index;
    }

    private static void AssertSameBytes(byte[] expected, byte[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.AsSpan().SequenceEqual(actual), "plaintext differs");
    }
}
