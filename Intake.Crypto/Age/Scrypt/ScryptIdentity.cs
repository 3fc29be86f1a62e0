// The age scrypt identity (c2sp.org/age, "The scrypt recipient type"). Stanza structure
// is checked by StanzaRules (three arguments, 16-byte canonical salt, decimal work
// factor without leading zeros, 32-byte body, sole stanza). A work factor above the
// configured cap (default 22, as the reference implementation) is rejected as a header
// failure before any scrypt work, so a hostile file cannot burn CPU. A body that does
// not open means a wrong passphrase: no match.
using System.Security.Cryptography;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Primitives;
using Intake.Crypto.Age.Scrypt;

namespace Intake.Crypto.Age;

/// <summary>Opens a file encrypted to a passphrase.</summary>
public sealed class ScryptIdentity : IIdentity, IDisposable
{
    private readonly byte[] _passphrase;
    private readonly int _maxWorkFactor;
    private bool _disposed;

    /// <param name="passphrase">The passphrase (UTF-8 encoded).</param>
    /// <param name="maxWorkFactor">Highest log2(N) accepted from a file, 1 to 30.</param>
    public ScryptIdentity(string passphrase, int maxWorkFactor = 22)
    {
        if (maxWorkFactor is < 1 or > ScryptKdf.MaxSupportedWorkFactor)
        {
            throw new ArgumentOutOfRangeException(nameof(maxWorkFactor), "The maximum work factor must be between 1 and 30.");
        }

        _passphrase = ScryptKdf.EncodePassphrase(passphrase);
        _maxWorkFactor = maxWorkFactor;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_passphrase);
        _disposed = true;
    }

    byte[]? IIdentity.Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (Stanza stanza in stanzas)
        {
            if (stanza.Type != StanzaRules.ScryptType)
            {
                continue;
            }

            if (stanzas.Count != 1)
            {
                throw new AgeHeaderException("An scrypt stanza must be the only stanza in the header.");
            }

            (byte[] salt, int workFactor) = StanzaRules.ScryptParameters(stanza);
            if (workFactor > _maxWorkFactor)
            {
                throw new AgeHeaderException("scrypt work factor exceeds the allowed maximum.");
            }

            byte[] wrapKey = ScryptKdf.WrapKey(_passphrase, salt, workFactor);
            try
            {
                return AgeKdf.UnwrapFileKey(wrapKey, stanza.Body);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(wrapKey);
            }
        }

        return null;
    }
}
