using System.Text;
using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

public sealed class AgeInspectHeaderTests
{
    [Fact]
    public void InspectHeader_TwoX25519Recipients_ReportsTwoX25519Stanzas()
    {
        using X25519Identity a = X25519Identity.Generate();
        using X25519Identity b = X25519Identity.Generate();
        byte[] file = AgeFile.Encrypt([1, 2, 3], [a.Recipient, b.Recipient]);

        AgeHeaderSummary summary = AgeFile.InspectHeader(file);

        Assert.Equal(2, summary.CountOfType("X25519"));
        Assert.All(summary.Stanzas, s => Assert.Equal(new AgeStanzaSummary("X25519", 2, 32), s));
        Assert.False(summary.IsArmored);
    }

    [Fact]
    public void InspectHeader_ArmoredStream_ReportsArmored()
    {
        using X25519Identity a = X25519Identity.Generate();
        byte[] file = AgeFile.Encrypt([1, 2, 3], [a.Recipient], armor: true);

        AgeHeaderSummary summary = AgeFile.InspectHeader(new MemoryStream(file));

        Assert.True(summary.IsArmored);
        Assert.Equal(1, summary.CountOfType("X25519"));
    }

    [Fact]
    public void InspectHeader_MalformedStanza_ThrowsHeaderException()
    {
        string file = "age-encryption.org/v1\n-> X25519 short\nAAAA\n--- " + new string('A', 43) + "\n";

        Assert.Throws<AgeHeaderException>(() => AgeFile.InspectHeader(Encoding.ASCII.GetBytes(file)));
    }

    [Fact]
    public void InspectHeader_BadArmor_ThrowsArmorException()
        => Assert.Throws<AgeArmorException>(() => AgeFile.InspectHeader("-----BEGIN AGE ENCRYPTED FILE-----\n!!!!\n"u8));

    [Fact]
    public void InspectHeader_UnknownStanza_IsListed()
    {
        string file = "age-encryption.org/v1\n-> example.com/enigma x y\n\n--- " + new string('A', 43) + "\n";

        AgeHeaderSummary summary = AgeFile.InspectHeader(Encoding.ASCII.GetBytes(file));

        Assert.Equal(new AgeStanzaSummary("example.com/enigma", 3, 0), Assert.Single(summary.Stanzas));
    }
}
