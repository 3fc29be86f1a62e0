using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

public sealed class AgeIdentityFileTests
{
    [Fact]
    public void Parse_CommentsBlankLinesAndSeveralKeys_ReturnsAllKeys()
    {
        using X25519Identity a = X25519Identity.Generate();
        using X25519Identity b = X25519Identity.Generate();
        string text = $"# created: 2026-01-01T00:00:00Z\n# public key: {a.Recipient}\n{a.ExportSecretKey()}\n\n  \r\n# second\r\n{b.ExportSecretKey()}\r\n";

        IReadOnlyList<X25519Identity> identities = AgeIdentityFile.Parse(text);

        Assert.Equal([a.Recipient, b.Recipient], identities.Select(i => i.Recipient));
    }

    [Fact]
    public void Parse_NoKey_ThrowsFormatException()
        => Assert.Throws<FormatException>(() => AgeIdentityFile.Parse("# only a comment\n"));

    [Fact]
    public void Parse_BadLine_ThrowsFormatExceptionWithLineNumberOnly()
    {
        FormatException ex = Assert.Throws<FormatException>(() => AgeIdentityFile.Parse("# c\nAGE-SECRET-KEY-1NOTAKEY\n"));

        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NOTAKEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseAny_HybridAndX25519Keys_ReturnsBothKinds_ThatOpenTheirFiles()
    {
        using HybridIdentity hybrid = HybridIdentity.Generate();
        using X25519Identity classic = X25519Identity.Generate();
        string text = $"# public key: {hybrid.Recipient}\n{hybrid.ExportSecretKey()}\r\n# public key: {classic.Recipient}\n{classic.ExportSecretKey()}\n";

        IReadOnlyList<IIdentity> identities = AgeIdentityFile.ParseAny(text);
        try
        {
            Assert.Equal(2, identities.Count);
            Assert.Equal(hybrid.Recipient, Assert.IsType<HybridIdentity>(identities[0]).Recipient);
            Assert.Equal(classic.Recipient, Assert.IsType<X25519Identity>(identities[1]).Recipient);
            Assert.Equal([7], AgeFile.Decrypt(AgeFile.Encrypt([7], [hybrid.Recipient]), identities));
            Assert.Equal([8], AgeFile.Decrypt(AgeFile.Encrypt([8], [classic.Recipient]), identities));
        }
        finally
        {
            foreach (IIdentity identity in identities)
            {
                ((IDisposable)identity).Dispose();
            }
        }
    }

    [Fact]
    public void ParseAny_BadHybridLine_ThrowsFormatExceptionWithLineNumberOnly()
    {
        FormatException ex = Assert.Throws<FormatException>(() => AgeIdentityFile.ParseAny("# c\n\nAGE-SECRET-KEY-PQ-1NOTAKEY\n"));

        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NOTAKEY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HybridKey_IsNotAnX25519Identity()
    {
        using HybridIdentity hybrid = HybridIdentity.Generate();

        Assert.Throws<FormatException>(() => AgeIdentityFile.Parse(hybrid.ExportSecretKey()));
    }
}
