using System.Text;
using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

/// <summary>Each failure class is raised as its own exception type.</summary>
public sealed class AgeFailureTests
{
    private static byte[] Replace(byte[] file, string from, string to)
    {
        string text = Encoding.Latin1.GetString(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void Decrypt_NotAnAgeFile_ThrowsHeaderException()
    {
        using X25519Identity identity = X25519Identity.Generate();

        Assert.Throws<AgeHeaderException>(() => AgeFile.Decrypt("hello world\n"u8, [identity]));
    }

    [Fact]
    public void Decrypt_EmptyInput_ThrowsHeaderException()
    {
        using X25519Identity identity = X25519Identity.Generate();

        Assert.Throws<AgeHeaderException>(() => AgeFile.Decrypt([], [identity]));
    }

    [Fact]
    public void Decrypt_FutureVersion_ThrowsHeaderException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = Replace(AgeTestData.EncryptTo(identity, [1]), "age-encryption.org/v1", "age-encryption.org/v2");

        Assert.Throws<AgeHeaderException>(() => AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void Decrypt_WrongIdentity_ThrowsNoIdentityMatch()
    {
        using X25519Identity identity = X25519Identity.Generate();
        using X25519Identity other = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, [1, 2, 3]);

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(file, [other]));
    }

    [Fact]
    public void Decrypt_WrongPassphrase_ThrowsNoIdentityMatch()
    {
        byte[] file = AgeFile.Encrypt([1, 2, 3], [new ScryptRecipient("right", 10)]);
        using ScryptIdentity identity = new("wrong");

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void Decrypt_ScryptWorkFactorAboveCap_ThrowsHeaderException()
    {
        byte[] file = AgeFile.Encrypt([1, 2, 3], [new ScryptRecipient("pw", 11)]);
        using ScryptIdentity identity = new("pw", maxWorkFactor: 10);

        Assert.Throws<AgeHeaderException>(() => AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void Decrypt_ScryptWorkFactorAtCap_Succeeds()
    {
        byte[] file = AgeFile.Encrypt([1, 2, 3], [new ScryptRecipient("pw", 10)]);
        using ScryptIdentity identity = new("pw", maxWorkFactor: 10);

        Assert.Equal([1, 2, 3], AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void Encrypt_ScryptWithOtherRecipient_ThrowsArgumentException()
    {
        using X25519Identity identity = X25519Identity.Generate();

        Assert.Throws<ArgumentException>(() => AgeFile.Encrypt([1], [new ScryptRecipient("pw", 10), identity.Recipient]));
    }

    [Fact]
    public void Encrypt_NoRecipients_ThrowsArgumentException()
        => Assert.Throws<ArgumentException>(() => AgeFile.Encrypt([1], []));

    [Fact]
    public void Decrypt_AlteredUnknownStanza_ThrowsHeaderMacException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, [1, 2, 3]);
        string text = Encoding.Latin1.GetString(file);
        int firstStanzaEnd = text.IndexOf("\n---", StringComparison.Ordinal);
        string altered = text[..(firstStanzaEnd + 1)] + "-> extra arg\n\n" + text[(firstStanzaEnd + 1)..];

        Assert.Throws<AgeHeaderMacException>(() => AgeFile.Decrypt(Encoding.Latin1.GetBytes(altered), [identity]));
    }

    [Fact]
    public void Decrypt_FlippedMac_ThrowsHeaderMacException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, [1, 2, 3]);
        int macStart = file.AsSpan().IndexOf("\n--- "u8) + 5;
        file[macStart] = file[macStart] == (byte)'A' ? (byte)'B' : (byte)'A';

        Assert.Throws<AgeHeaderMacException>(() => AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void Decrypt_FlippedPayloadByte_ThrowsPayloadException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, new byte[100]);
        file[^20] ^= 1;

        Assert.Throws<AgePayloadException>(() => AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void Decrypt_TrailingData_ThrowsPayloadException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = [.. AgeTestData.EncryptTo(identity, new byte[100]), 0];

        Assert.Throws<AgePayloadException>(() => AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void Decrypt_ArmorWithGarbageAfterEnd_ThrowsArmorException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = [.. AgeTestData.EncryptTo(identity, new byte[100], armor: true), .. "garbage\n"u8.ToArray()];

        Assert.Throws<AgeArmorException>(() => AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void Decrypt_ArmorLineTooLong_ThrowsArmorException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        string armored = Encoding.ASCII.GetString(AgeTestData.EncryptTo(identity, new byte[100], armor: true));
        string[] lines = armored.Split('\n');
        string joined = lines[0] + "\n" + lines[1] + lines[2] + "\n" + string.Join('\n', lines[3..]);

        Assert.Throws<AgeArmorException>(() => AgeFile.Decrypt(Encoding.ASCII.GetBytes(joined), [identity]));
    }

    [Fact]
    public void Decrypt_ArmorWithoutEndLine_ThrowsArmorException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        string armored = Encoding.ASCII.GetString(AgeTestData.EncryptTo(identity, new byte[100], armor: true));
        string truncated = armored[..armored.IndexOf("-----END", StringComparison.Ordinal)];

        Assert.Throws<AgeArmorException>(() => AgeFile.Decrypt(Encoding.ASCII.GetBytes(truncated), [identity]));
    }

    [Fact]
    public void Decrypt_HeaderWithCrlf_ThrowsHeaderException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = Replace(AgeTestData.EncryptTo(identity, [1]), "age-encryption.org/v1\n", "age-encryption.org/v1\r\n");

        Assert.Throws<AgeHeaderException>(() => AgeFile.Decrypt(file, [identity]));
    }

    [Fact]
    public void Decrypt_StanzaBodyWithPadding_ThrowsHeaderException()
    {
        using X25519Identity identity = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, [1]);
        string text = Encoding.Latin1.GetString(file);
        int bodyEnd = text.IndexOf("\n---", StringComparison.Ordinal);
        string altered = text[..bodyEnd] + "=" + text[bodyEnd..];

        Assert.Throws<AgeHeaderException>(() => AgeFile.Decrypt(Encoding.Latin1.GetBytes(altered), [identity]));
    }

    [Fact]
    public void Exceptions_Messages_CarryNoSecret()
    {
        using X25519Identity identity = X25519Identity.Generate();
        using X25519Identity other = X25519Identity.Generate();
        byte[] file = AgeTestData.EncryptTo(identity, [1]);

        AgeException ex = Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(file, [other]));

        Assert.DoesNotContain("AGE-SECRET-KEY", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(other.Recipient.ToString(), ex.Message, StringComparison.Ordinal);
    }
}
