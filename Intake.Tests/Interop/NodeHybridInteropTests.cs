using System.Security.Cryptography;
using Intake.Crypto.Age;

namespace Intake.Tests.Interop;

/// <summary>
/// Files sealed to age's post-quantum hybrid recipients (mlkem768x25519) by Intake.Crypto
/// open with the npm age-encryption package under Node, and the other way round; keys made
/// on either side give the same recipient on the other. Node runs Interop/js/age-tool.mjs.
/// </summary>
public sealed class NodeHybridInteropTests : IDisposable
{
    private const string Tool = "age-tool.mjs";

    private readonly TempDirectory _temp = new();

    public static TheoryData<int, bool> SizesAndArmor() => new()
    {
        { 0, false },
        { 1, true },
        { 65536, false },
        { (2 * 65536) + 13, true },
    };

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(SizesAndArmor))]
    public void SealedInCSharp_ToHybridRecipient_OpensInNode(int size, bool armor)
    {
        (string identity, string recipient) = NodeHybridKeygen();
        byte[] plaintext = RandomNumberGenerator.GetBytes(size);
        using (FileStream output = File.Create(_temp.File("sealed.age")))
        {
            AgeFile.Encrypt(new MemoryStream(plaintext), output, [HybridRecipient.Parse(recipient)], armor);
        }

        NodeRunner.RunChecked(Tool, ["decrypt", "--identity", identity, _temp.File("sealed.age"), _temp.File("opened.bin")]);

        Assert.Equal(plaintext, File.ReadAllBytes(_temp.File("opened.bin")));
    }

    [Theory]
    [MemberData(nameof(SizesAndArmor))]
    public void SealedInNode_ToHybridRecipient_OpensInCSharp(int size, bool armor)
    {
        using HybridIdentity identity = HybridIdentity.Generate();
        byte[] plaintext = RandomNumberGenerator.GetBytes(size);
        File.WriteAllBytes(_temp.File("plain.bin"), plaintext);
        List<string> arguments = ["encrypt", "--recipient", identity.Recipient.ToString()];
        if (armor)
        {
            arguments.Add("--armor");
        }

        NodeRunner.RunChecked(Tool, [.. arguments, _temp.File("plain.bin"), _temp.File("sealed.age")]);

        using FileStream input = File.OpenRead(_temp.File("sealed.age"));
        MemoryStream opened = new();
        AgeFile.Decrypt(input, opened, [identity]);
        Assert.Equal(plaintext, opened.ToArray());
    }

    [Fact]
    public void SealedInCSharp_ToTwoHybridRecipients_OpensInNode_WithEither()
    {
        (string nodeIdentity, string nodeRecipient) = NodeHybridKeygen();
        using HybridIdentity other = HybridIdentity.Generate();
        byte[] plaintext = RandomNumberGenerator.GetBytes(5000);
        File.WriteAllBytes(_temp.File("sealed.age"), AgeFile.Encrypt(plaintext, [other.Recipient, HybridRecipient.Parse(nodeRecipient)]));

        NodeRunner.RunChecked(Tool, ["decrypt", "--identity", nodeIdentity, _temp.File("sealed.age"), _temp.File("a.bin")]);
        NodeRunner.RunChecked(Tool, ["decrypt", "--identity", other.ExportSecretKey(), _temp.File("sealed.age"), _temp.File("b.bin")]);

        Assert.Equal(plaintext, File.ReadAllBytes(_temp.File("a.bin")));
        Assert.Equal(plaintext, File.ReadAllBytes(_temp.File("b.bin")));
    }

    [Fact]
    public void HybridIdentityFromNode_ParsesInCSharp_ToSameRecipient()
    {
        (string identity, string recipient) = NodeHybridKeygen();

        using HybridIdentity parsed = HybridIdentity.Parse(identity);

        Assert.Equal(recipient, parsed.Recipient.ToString());
        Assert.Equal(identity, parsed.ExportSecretKey());
    }

    [Fact]
    public void HybridIdentityFromCSharp_GivesSameRecipientInNode()
    {
        using HybridIdentity identity = HybridIdentity.Generate();

        string recipient = NodeRunner.RunChecked(Tool, ["recipient", identity.ExportSecretKey()]).Trim();

        Assert.Equal(identity.Recipient.ToString(), recipient);
    }

    [Fact]
    public void SealedInNode_ToHybridAndX25519Recipients_OpensInCSharp_WithEither()
    {
        // The npm package does not refuse the mix (Intake.Crypto does, when sealing); a file
        // that has both stanzas opens with either identity, as in the CCTV vector hybrid_and_x25519.
        using HybridIdentity hybrid = HybridIdentity.Generate();
        using X25519Identity classic = X25519Identity.Generate();
        File.WriteAllBytes(_temp.File("plain.bin"), [1, 2, 3]);

        NodeRunner.RunChecked(Tool, [
            "encrypt", "--recipient", hybrid.Recipient.ToString(), "--recipient", classic.Recipient.ToString(),
            _temp.File("plain.bin"), _temp.File("sealed.age")]);

        byte[] sealedFile = File.ReadAllBytes(_temp.File("sealed.age"));
        Assert.Equal([1, 2, 3], AgeFile.Decrypt(sealedFile, [hybrid]));
        Assert.Equal([1, 2, 3], AgeFile.Decrypt(sealedFile, [classic]));
    }

    [Fact]
    public void SealedInNode_ToOtherHybridRecipient_IsRejectedByCSharp()
    {
        (_, string nodeRecipient) = NodeHybridKeygen();
        using HybridIdentity other = HybridIdentity.Generate();
        File.WriteAllBytes(_temp.File("plain.bin"), [1, 2, 3]);
        NodeRunner.RunChecked(Tool, ["encrypt", "--recipient", nodeRecipient, _temp.File("plain.bin"), _temp.File("sealed.age")]);

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(File.ReadAllBytes(_temp.File("sealed.age")), [other]));
    }

    private static (string Identity, string Recipient) NodeHybridKeygen()
    {
        using System.Text.Json.JsonDocument json = System.Text.Json.JsonDocument.Parse(NodeRunner.RunChecked(Tool, ["keygen", "--hybrid"]));
        return (json.RootElement.GetProperty("identity").GetString()!, json.RootElement.GetProperty("recipient").GetString()!);
    }
}
