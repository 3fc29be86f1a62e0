using Intake.Crypto.Age;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Io;

namespace Intake.Tests.Crypto.Conformance;

/// <summary>
/// Every encoding has exactly one valid form (c2sp.org/age, "Conventions"; age's
/// FuzzMalleability): parsing then serializing recipients, identities and headers gives
/// back the same text and bytes.
/// </summary>
public sealed class CanonicalEncodingTests
{
    public static TheoryData<string> SuccessVectors()
    {
        TheoryData<string> data = [];
        foreach (string vector in TestKitTests.VectorNames(TestKitTests.CctvDirectory))
        {
            KitFile kit = KitFile.Parse(vector, File.ReadAllBytes(Path.Combine(TestKitTests.CctvDirectory, vector)));
            if (kit.Expect == "success" && !kit.Armored && kit.FileKeyHex is { Length: 32 })
            {
                data.Add(vector);
            }
        }

        return data;
    }

    public static TheoryData<string> VectorIdentities()
    {
        TheoryData<string> data = [];
        foreach (string identity in TestKitTests.VectorNames(TestKitTests.CctvDirectory)
            .Select(vector => KitFile.Parse(vector, File.ReadAllBytes(Path.Combine(TestKitTests.CctvDirectory, vector))))
            .SelectMany(kit => kit.Identities)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal))
        {
            data.Add(identity);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SuccessVectors))]
    public void Header_ParsedThenWritten_GivesTheSameBytes(string vector)
    {
        KitFile kit = KitFile.Parse(vector, File.ReadAllBytes(Path.Combine(TestKitTests.CctvDirectory, vector)));
        BufferedInput input = new(new MemoryStream(kit.Contents), 16 * 1024, HeaderParser.MaxHeaderSize + (64 * 1024));

        AgeHeader header = HeaderParser.Parse(input);
        byte[] written = HeaderWriter.Write(header.Stanzas, Convert.FromHexString(kit.FileKeyHex!));

        Assert.Equal(kit.Contents[..written.Length], written);
    }

    [Theory]
    [MemberData(nameof(VectorIdentities))]
    public void Identity_ParsedThenExported_GivesTheSameTextAndRecipient(string encoded)
    {
        if (encoded.StartsWith("AGE-SECRET-KEY-PQ-1", StringComparison.Ordinal))
        {
            using HybridIdentity identity = HybridIdentity.Parse(encoded);
            Assert.Equal(encoded, identity.ExportSecretKey());
            string recipient = identity.Recipient.ToString();
            Assert.Equal(recipient, HybridRecipient.Parse(recipient).ToString());
        }
        else
        {
            using X25519Identity identity = X25519Identity.Parse(encoded);
            Assert.Equal(encoded, identity.ExportSecretKey());
            string recipient = identity.Recipient.ToString();
            Assert.Equal(recipient, X25519Recipient.Parse(recipient).ToString());
        }
    }

    [Fact]
    public void SpecHybridRecipient_ParsedThenWritten_GivesTheSameText()
        => Assert.Equal(HybridKeyTests.SpecRecipient, HybridRecipient.Parse(HybridKeyTests.SpecRecipient).ToString());

    [Fact]
    public void GeneratedHeaders_ParsedThenWritten_GiveTheSameBytes()
    {
        using HybridIdentity hybrid = HybridIdentity.Generate();
        using HybridIdentity second = HybridIdentity.Generate();
        using X25519Identity classic = X25519Identity.Generate();
        foreach (IReadOnlyCollection<IRecipient> recipients in new IReadOnlyCollection<IRecipient>[]
        {
            [hybrid.Recipient], [hybrid.Recipient, second.Recipient], [classic.Recipient], [new ScryptRecipient("lösen", 10)],
        })
        {
            byte[] fileKey = new byte[16];
            byte[] file = AgeFile.Encrypt([1, 2, 3], recipients);
            IIdentity[] identities = [hybrid, classic, new ScryptIdentity("lösen")];
            using (AgeDecryptor.Open(new MemoryStream(file), identities, leaveOpen: false, fileKeySink: fileKey))
            {
            }

            AgeHeader header = HeaderParser.Parse(new BufferedInput(new MemoryStream(file), 16 * 1024, HeaderParser.MaxHeaderSize + (64 * 1024)));
            byte[] written = HeaderWriter.Write(header.Stanzas, fileKey);

            Assert.Equal(file[..written.Length], written);
        }
    }
}
