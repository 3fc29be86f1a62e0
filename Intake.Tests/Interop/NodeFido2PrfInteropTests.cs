using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age;

namespace Intake.Tests.Interop;

/// <summary>
/// A personal identity sealed to a passkey (age <c>fido2prf</c> stanza) opens with the npm age-encryption package's
/// WebAuthnIdentity given the same PRF outputs, and a file that package sealed to a passkey opens in C#. Node runs
/// Interop/js/fido2prf-tool.mjs.
/// </summary>
public sealed class NodeFido2PrfInteropTests : IDisposable
{
    private const string Tool = "fido2prf-tool.mjs";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void IdentitySealedToAPasskeyInCSharp_OpensInNode()
    {
        using var identity = X25519Identity.Generate();
        var (nonce, first, second) = (RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        using var recipient = new Fido2PrfRecipient(nonce, first, second);
        var sealedPath = _temp.File("identity.age");
        File.WriteAllBytes(sealedPath, SealedIdentity.Seal(identity, recipient));

        var openedPath = _temp.File("identity.txt");
        NodeRunner.RunChecked(Tool, ["decrypt", Convert.ToHexStringLower(first), Convert.ToHexStringLower(second), sealedPath, openedPath]);

        Assert.Contains(identity.ExportSecretKey(), File.ReadAllText(openedPath), StringComparison.Ordinal);
        using var opener = new Fido2PrfIdentity(nonce, first, second);
        using var reopened = SealedIdentity.Open(File.ReadAllBytes(sealedPath), opener);
        Assert.Equal(identity.Recipient.ToString(), reopened.PublicRecipient.ToString());
    }

    [Fact]
    public void FileSealedToAPasskeyInNode_OpensInCSharp_AndNotWithOtherOutputs()
    {
        var (first, second) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var plaintext = Encoding.UTF8.GetBytes("sealed in Node to a passkey " + Guid.NewGuid());
        var plainPath = _temp.File("plain.txt");
        var sealedPath = _temp.File("sealed.age");
        File.WriteAllBytes(plainPath, plaintext);

        var nonce = Convert.FromHexString(NodeRunner.RunChecked(Tool, ["encrypt", Convert.ToHexStringLower(first), Convert.ToHexStringLower(second), plainPath, sealedPath]).Trim());

        using (var opener = new Fido2PrfIdentity(nonce, first, second))
        {
            Assert.Equal(plaintext, AgeFile.Decrypt(File.ReadAllBytes(sealedPath), [opener]));
        }

        using var wrong = new Fido2PrfIdentity(nonce, RandomNumberGenerator.GetBytes(32), second);
        Assert.ThrowsAny<AgeException>(() => AgeFile.Decrypt(File.ReadAllBytes(sealedPath), [wrong]));
    }
}
