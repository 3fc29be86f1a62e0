using System.Text;
using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

public sealed class SealedIdentityTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Open_SealedIdentity_ReturnsSameKey(bool armor)
    {
        using X25519Identity identity = X25519Identity.Generate();

        byte[] sealedFile = SealedIdentity.Seal(identity, "passphrase", workFactor: 10, armor);
        using IKeyIdentity opened = SealedIdentity.Open(sealedFile, "passphrase");

        Assert.Equal(identity.Recipient.ToString(), opened.PublicRecipient.ToString());
    }

    [Fact]
    public void Seal_Plaintext_IsAgeKeygenKeyFile()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] sealedFile = SealedIdentity.Seal(identity, "passphrase", workFactor: 10);
        using ScryptIdentity scrypt = new("passphrase");

        string text = Encoding.ASCII.GetString(AgeFile.Decrypt(sealedFile, [scrypt]));

        Assert.Equal($"# public key: {identity.Recipient}\n{identity.ExportSecretKey()}\n", text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        Assert.Matches(@"^# created: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n", text);
    }

    [Fact]
    public void Seal_Header_HasOnlyScryptStanza()
    {
        using X25519Identity identity = X25519Identity.Generate();

        AgeHeaderSummary summary = AgeFile.InspectHeader(SealedIdentity.Seal(identity, "passphrase", workFactor: 10));

        Assert.Equal(new AgeStanzaSummary("scrypt", 3, 32), Assert.Single(summary.Stanzas));
    }

    [Fact]
    public void Open_WrongPassphrase_ThrowsNoIdentityMatch()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] sealedFile = SealedIdentity.Seal(identity, "passphrase", workFactor: 10);

        Assert.Throws<AgeNoIdentityMatchException>(() => SealedIdentity.Open(sealedFile, "other"));
    }

    [Fact]
    public void Open_FileWithTwoKeys_ThrowsPayloadException()
    {
        using X25519Identity a = X25519Identity.Generate();
        using X25519Identity b = X25519Identity.Generate();
        byte[] file = AgeFile.Encrypt(Encoding.ASCII.GetBytes(a.ExportSecretKey() + "\n" + b.ExportSecretKey() + "\n"), [new ScryptRecipient("pw", 10)]);

        Assert.Throws<AgePayloadException>(() => SealedIdentity.Open(file, "pw"));
    }
}
