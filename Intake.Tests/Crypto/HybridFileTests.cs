using System.Security.Cryptography;
using System.Text;
using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

/// <summary>
/// Files sealed to hybrid post-quantum recipients (c2sp.org/age, "mlkem768x25519 recipient
/// stanza"): round trips, the refusal to mix recipient kinds, and the stanza rules.
/// </summary>
public sealed class HybridFileTests
{
    private const int EncSize = 1120;

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(65536, false)]
    [InlineData(65537, true)]
    public void Encrypt_ToHybridRecipient_DecryptsWithItsIdentity(int size, bool armor)
    {
        using HybridIdentity identity = HybridIdentity.Generate();
        byte[] plaintext = RandomNumberGenerator.GetBytes(size);

        byte[] sealedFile = AgeFile.Encrypt(plaintext, [identity.Recipient], armor);

        Assert.Equal(plaintext, AgeFile.Decrypt(sealedFile, [identity]));
    }

    [Fact]
    public void Encrypt_ToHybridRecipient_WritesOneStanzaWithA1120ByteEncAnd32ByteBody()
    {
        using HybridIdentity identity = HybridIdentity.Generate();

        AgeHeaderSummary header = AgeFile.InspectHeader(AgeFile.Encrypt([1], [identity.Recipient]));

        AgeStanzaSummary stanza = Assert.Single(header.Stanzas);
        Assert.Equal("mlkem768x25519", stanza.Type);
        Assert.Equal(2, stanza.ArgumentCount);
        Assert.Equal(32, stanza.BodyLength);
        Assert.Equal(EncSize, Convert.FromBase64String(Pad(StanzaLine(AgeFile.Encrypt([1], [identity.Recipient])).Split(' ')[2])).Length);
    }

    [Fact]
    public void Encrypt_ToTwoHybridRecipients_DecryptsWithEither()
    {
        using HybridIdentity first = HybridIdentity.Generate();
        using HybridIdentity second = HybridIdentity.Generate();

        byte[] sealedFile = AgeFile.Encrypt([1, 2, 3], [first.Recipient, second.Recipient]);

        Assert.Equal([1, 2, 3], AgeFile.Decrypt(sealedFile, [first]));
        Assert.Equal([1, 2, 3], AgeFile.Decrypt(sealedFile, [second]));
    }

    [Fact]
    public void Encrypt_HybridAndX25519Recipients_IsRefused()
    {
        using HybridIdentity hybrid = HybridIdentity.Generate();
        using X25519Identity classic = X25519Identity.Generate();

        ArgumentException first = Assert.Throws<ArgumentException>(() => AgeFile.Encrypt([1], [hybrid.Recipient, classic.Recipient]));
        Assert.Throws<ArgumentException>(() => AgeFile.Encrypt([1], [classic.Recipient, hybrid.Recipient]));
        Assert.Contains("Post-quantum and classic", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_HybridAndPassphraseRecipients_IsRefused()
    {
        using HybridIdentity hybrid = HybridIdentity.Generate();

        Assert.Throws<ArgumentException>(() => AgeFile.Encrypt([1], [hybrid.Recipient, new ScryptRecipient("lösen", 10)]));
    }

    [Fact]
    public void Decrypt_WithOtherHybridIdentity_ThrowsNoIdentityMatch()
    {
        using HybridIdentity identity = HybridIdentity.Generate();
        using HybridIdentity other = HybridIdentity.Generate();
        byte[] sealedFile = AgeFile.Encrypt([1], [identity.Recipient]);

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(sealedFile, [other]));
    }

    [Fact]
    public void Decrypt_HybridFileWithX25519Identity_ThrowsNoIdentityMatch()
    {
        using HybridIdentity identity = HybridIdentity.Generate();
        using X25519Identity classic = X25519Identity.Generate();
        byte[] sealedFile = AgeFile.Encrypt([1], [identity.Recipient]);

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(sealedFile, [classic]));
    }

    [Fact]
    public void Decrypt_X25519FileWithHybridIdentity_ThrowsNoIdentityMatch()
    {
        using HybridIdentity identity = HybridIdentity.Generate();
        using X25519Identity classic = X25519Identity.Generate();
        byte[] sealedFile = AgeFile.Encrypt([1], [classic.Recipient]);

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(sealedFile, [identity]));
    }

    public static TheoryData<string> MalformedStanzas() =>
    [
        "missing enc",
        "extra argument",
        "padded enc",
        "non-canonical enc",
        "enc of 1119 bytes",
        "enc of 1121 bytes",
        "body of 31 bytes",
        "body of 33 bytes",
        "empty body",
    ];

    [Theory]
    [MemberData(nameof(MalformedStanzas))]
    public void Decrypt_MalformedHybridStanza_ThrowsHeaderException(string change)
    {
        using HybridIdentity identity = HybridIdentity.Generate();
        using X25519Identity classic = X25519Identity.Generate();
        byte[] sealedFile = Malform(AgeFile.Encrypt([1, 2, 3], [identity.Recipient]), change);

        // Rejected by the hybrid identity, and by any other identity too: the stanza rules
        // hold for every header, as for the other native stanza types.
        Assert.Throws<AgeHeaderException>(() => AgeFile.Decrypt(sealedFile, [identity]));
        Assert.Throws<AgeHeaderException>(() => AgeFile.Decrypt(sealedFile, [classic]));
    }

    [Fact]
    public void Decrypt_UppercaseStanzaType_IsAnotherTypeAndMatchesNothing()
    {
        using HybridIdentity identity = HybridIdentity.Generate();
        byte[] sealedFile = Replace(AgeFile.Encrypt([1], [identity.Recipient]), "-> mlkem768x25519 ", "-> MLKEM768X25519 ");

        Assert.Throws<AgeNoIdentityMatchException>(() => AgeFile.Decrypt(sealedFile, [identity]));
    }

    private static byte[] Malform(byte[] file, string change)
    {
        string stanza = StanzaLine(file);
        string enc = stanza.Split(' ')[2];
        string body = BodyLine(file);
        return change switch
        {
            "missing enc" => Replace(file, stanza, "-> mlkem768x25519"),
            "extra argument" => Replace(file, stanza, stanza + " extra"),
            "padded enc" => Replace(file, stanza, stanza + "=="),
            "non-canonical enc" => Replace(file, stanza, stanza[..^1] + NonCanonical(enc[^1])),
            "enc of 1119 bytes" => Replace(file, stanza, "-> mlkem768x25519 " + Raw(RandomNumberGenerator.GetBytes(EncSize - 1))),
            "enc of 1121 bytes" => Replace(file, stanza, "-> mlkem768x25519 " + Raw(RandomNumberGenerator.GetBytes(EncSize + 1))),
            "body of 31 bytes" => Replace(file, "\n" + body + "\n---", "\n" + Raw(RandomNumberGenerator.GetBytes(31)) + "\n---"),
            "body of 33 bytes" => Replace(file, "\n" + body + "\n---", "\n" + Raw(RandomNumberGenerator.GetBytes(33)) + "\n---"),
            "empty body" => Replace(file, "\n" + body + "\n---", "\n\n---"),
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };
    }

    // The last character of a 1120-byte enc carries 2 bits of data and 4 zero pad bits.
    private static char NonCanonical(char last) => (char)(last + 1);

    private static string StanzaLine(byte[] file) => Encoding.ASCII.GetString(file).Split('\n')[1];

    private static string BodyLine(byte[] file) => Encoding.ASCII.GetString(file[..Array.IndexOf(file, (byte)'-', 30)]).Split('\n')[2];

    private static string Raw(byte[] data) => Convert.ToBase64String(data).TrimEnd('=');

    private static string Pad(string raw) => raw.PadRight((raw.Length + 3) / 4 * 4, '=');

    private static byte[] Replace(byte[] file, string from, string to)
    {
        string text = Encoding.Latin1.GetString(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Encoding.Latin1.GetBytes(text.Replace(from, to, StringComparison.Ordinal));
    }
}
