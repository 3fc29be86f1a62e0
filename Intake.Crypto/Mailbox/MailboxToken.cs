// The reporter's mailbox token (docs/mailbox-token.md): 15 bytes (120 bits) of CSPRNG
// entropy shown as 25 Crockford base32 characters (24 data + 1 Luhn mod 32 check) in
// five groups of five. The entropy is the only secret; keys are derived from it.
using System.Security.Cryptography;

namespace Intake.Crypto.Mailbox;

/// <summary>A mailbox token: the reporter's only credential.</summary>
public sealed class MailboxToken : IDisposable
{
    private readonly byte[] _entropy;
    private bool _disposed;

    private MailboxToken(byte[] entropy)
    {
        _entropy = entropy;
    }

    /// <summary>Generates a token from 15 bytes of CSPRNG output.</summary>
    public static MailboxToken Generate() => new(RandomNumberGenerator.GetBytes(TokenCodec.EntropySize));

    /// <summary>Parses user input tolerant of case, spaces, dashes and O/0, I/L/1 confusions.</summary>
    public static MailboxTokenParseStatus TryParse(string? input, out MailboxToken? token)
    {
        token = null;
        byte[] entropy = new byte[TokenCodec.EntropySize];
        MailboxTokenParseStatus status = TokenCodec.TryParse(input, entropy);
        if (status == MailboxTokenParseStatus.Ok)
        {
            token = new MailboxToken(entropy);
        }
        else
        {
            CryptographicOperations.ZeroMemory(entropy);
        }

        return status;
    }

    /// <summary>Builds a token from known entropy (tests and vectors).</summary>
    internal static MailboxToken FromEntropy(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length != TokenCodec.EntropySize)
        {
            throw new ArgumentException("Mailbox token entropy is 15 bytes.", nameof(entropy));
        }

        return new MailboxToken(entropy.ToArray());
    }

    /// <summary>A copy of the 15 entropy bytes (tests only).</summary>
    internal byte[] GetEntropy()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return (byte[])_entropy.Clone();
    }

    /// <summary>The canonical form: XXXXX-XXXXX-XXXXX-XXXXX-XXXXC.</summary>
    public override string ToString()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return TokenCodec.Format(_entropy);
    }

    /// <summary>Derives the lookup id and the mailbox X25519 identity.</summary>
    public MailboxKeys DeriveKeys()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return MailboxKeys.Derive(_entropy);
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_entropy);
        _disposed = true;
    }
}
