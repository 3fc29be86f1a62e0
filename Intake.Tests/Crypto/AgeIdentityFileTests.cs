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
}
