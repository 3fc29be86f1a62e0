using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

public sealed class X25519KeyTests
{
    // Example keys from the age specification (c2sp.org/age).
    private const string SpecIdentity = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
    private const string SpecRecipient = "age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj";

    [Fact]
    public void Parse_SpecIdentity_HasSpecRecipient()
    {
        using X25519Identity identity = X25519Identity.Parse(SpecIdentity);

        Assert.Equal(SpecRecipient, identity.Recipient.ToString());
    }

    [Fact]
    public void ExportSecretKey_ParsedIdentity_RoundTrips()
    {
        using X25519Identity identity = X25519Identity.Parse(SpecIdentity);

        Assert.Equal(SpecIdentity, identity.ExportSecretKey());
    }

    [Fact]
    public void FromSecretKey_SameBytes_SameRecipient()
    {
        using X25519Identity identity = X25519Identity.Generate();
        using X25519Identity copy = X25519Identity.FromSecretKey(identity.GetSecretKey());

        Assert.Equal(identity.Recipient, copy.Recipient);
    }

    [Fact]
    public void FromSecretKey_WrongLength_ThrowsArgumentException()
        => Assert.Throws<ArgumentException>(() => X25519Identity.FromSecretKey(new byte[31]));

    [Theory]
    [InlineData("")]
    [InlineData("age-secret-key-1gfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpyysjzgfpq4egaex")]
    [InlineData("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEY")]
    [InlineData("AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEx")]
    [InlineData("AGE-SECRET-KEY-PQ-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX")]
    [InlineData("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj")]
    public void Parse_InvalidIdentity_ThrowsFormatException(string encoded)
        => Assert.Throws<FormatException>(() => X25519Identity.Parse(encoded));

    [Fact]
    public void Dispose_Identity_BlocksExport()
    {
        X25519Identity identity = X25519Identity.Generate();
        identity.Dispose();

        Assert.Throws<ObjectDisposedException>(() => identity.ExportSecretKey());
    }

    [Fact]
    public void TryParse_SpecRecipient_ReturnsTrue()
    {
        Assert.True(X25519Recipient.TryParse(SpecRecipient, out X25519Recipient? recipient));
        Assert.Equal(SpecRecipient, recipient!.ToString());
        Assert.Equal(32, recipient.PublicKey.Length);
        Assert.Equal(recipient.PublicKey.ToArray(), recipient.GetPublicKey());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("AGE1ZVKYG2LQZRAA2LNJVQEJ32NKUU0UES2S82HZRYE869XEEXVN73EQUNUJWJ")]
    [InlineData("age1zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwk")]
    [InlineData("age1Zvkyg2lqzraa2lnjvqej32nkuu0ues2s82hzrye869xeexvn73equnujwj")]
    [InlineData("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq5cu47z")]
    [InlineData(SpecIdentity)]
    public void TryParse_InvalidRecipient_ReturnsFalse(string? encoded)
    {
        Assert.False(X25519Recipient.TryParse(encoded, out X25519Recipient? recipient));
        Assert.Null(recipient);
    }

    [Theory]
    [InlineData("age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq5cu47z")]
    [InlineData("age1qyqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqj7vrya")]
    public void TryParse_LowOrderPoint_ReturnsFalse(string encoded)
        => Assert.False(X25519Recipient.TryParse(encoded, out _));

    [Fact]
    public void Parse_InvalidRecipient_ThrowsFormatException()
        => Assert.Throws<FormatException>(() => X25519Recipient.Parse("age1nope"));

    [Fact]
    public void Equals_SameKey_IsEqual()
    {
        X25519Recipient a = X25519Recipient.Parse(SpecRecipient);
        X25519Recipient b = X25519Recipient.Parse(SpecRecipient);

        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
