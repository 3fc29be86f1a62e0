// The age scrypt recipient (c2sp.org/age, "The scrypt recipient type"): stanza
// "-> scrypt <base64 16-byte salt> <work factor>" with a 32-byte body, the file key
// sealed under the scrypt wrap key with the all-zero nonce. Must be the only stanza.
using System.Globalization;
using System.Security.Cryptography;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Primitives;
using Intake.Crypto.Age.Scrypt;

namespace Intake.Crypto.Age;

/// <summary>Encrypts a file to a passphrase. It must be the only recipient of the file.</summary>
public sealed class ScryptRecipient : IRecipient
{
    private readonly byte[] _passphrase;
    private readonly int _workFactor;

    /// <param name="passphrase">The passphrase (UTF-8 encoded).</param>
    /// <param name="workFactor">log2 of the scrypt N parameter, 1 to 30; age uses 18.</param>
    public ScryptRecipient(string passphrase, int workFactor = 18)
    {
        if (workFactor is < 1 or > ScryptKdf.MaxSupportedWorkFactor)
        {
            throw new ArgumentOutOfRangeException(nameof(workFactor), "The work factor must be between 1 and 30.");
        }

        _passphrase = ScryptKdf.EncodePassphrase(passphrase);
        _workFactor = workFactor;
    }

    bool IRecipient.RequiresSoleStanza => true;

    bool IRecipient.IsPostQuantum => false;

    Stanza IRecipient.Wrap(ReadOnlySpan<byte> fileKey)
    {
        byte[] salt = RandomNumberGenerator.GetBytes(ScryptKdf.SaltSize);
        byte[] wrapKey = ScryptKdf.WrapKey(_passphrase, salt, _workFactor);
        try
        {
            byte[] body = AgeKdf.WrapFileKey(wrapKey, fileKey);
            return new Stanza(
                [StanzaRules.ScryptType, CanonicalBase64.EncodeRaw(salt), _workFactor.ToString(CultureInfo.InvariantCulture)],
                body);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(wrapKey);
        }
    }
}
