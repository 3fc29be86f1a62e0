// Structural rules of the native stanza types (c2sp.org/age, "mlkem768x25519 recipient
// stanza", "The X25519 recipient type" and "The scrypt recipient type"), enforced on
// every header so that a file with a malformed native stanza is rejected whatever
// identities are offered:
//  - mlkem768x25519: exactly two arguments, enc a canonical base64 1120-byte value, body
//    exactly 32 bytes (checked before any decryption, against partitioning oracles).
//  - X25519: exactly two arguments, the share a canonical base64 32-byte value, body 32 bytes.
//  - scrypt: exactly three arguments, salt canonical base64 of 16 bytes, work factor
//    decimal without leading zeros (^[1-9][0-9]*$), body 32 bytes, and the scrypt
//    stanza must be the only stanza in the header.
// Unknown stanza types are ignored (they may be grease or other recipient types).
using Intake.Crypto.Age.Primitives;

namespace Intake.Crypto.Age.Header;

internal static class StanzaRules
{
    public const string MlKem768X25519Type = "mlkem768x25519";
    public const string X25519Type = "X25519";
    public const string ScryptType = "scrypt";
    public const int X25519ShareSize = 32;
    public const int ScryptSaltSize = 16;

    // log2(N) can never usefully exceed this; larger values are rejected as malformed.
    public const int MaxParsableWorkFactor = 64;

    public static void Validate(IReadOnlyList<Stanza> stanzas)
    {
        foreach (Stanza stanza in stanzas)
        {
            if (stanza.Type == MlKem768X25519Type)
            {
                _ = MlKem768X25519Enc(stanza);
            }
            else if (stanza.Type == X25519Type)
            {
                _ = X25519Share(stanza);
            }
            else if (stanza.Type == ScryptType)
            {
                if (stanzas.Count != 1)
                {
                    throw new AgeHeaderException("An scrypt stanza must be the only stanza in the header.");
                }

                _ = ScryptParameters(stanza);
            }
        }
    }

    public static byte[] MlKem768X25519Enc(Stanza stanza)
    {
        if (stanza.Arguments.Count != 2)
        {
            throw new AgeHeaderException("mlkem768x25519 stanza must have exactly two arguments.");
        }

        byte[]? enc = CanonicalBase64.DecodeRaw(System.Text.Encoding.ASCII.GetBytes(stanza.Arguments[1]));
        if (enc is null || enc.Length != Hybrid.MlKem768X25519.EncSize)
        {
            throw new AgeHeaderException("mlkem768x25519 stanza enc is not a canonical 1120-byte value.");
        }

        if (stanza.Body.Length != AgeKdf.WrappedFileKeySize)
        {
            throw new AgeHeaderException("mlkem768x25519 stanza body has the wrong length.");
        }

        return enc;
    }

    public static byte[] X25519Share(Stanza stanza)
    {
        if (stanza.Arguments.Count != 2)
        {
            throw new AgeHeaderException("X25519 stanza must have exactly two arguments.");
        }

        byte[]? share = CanonicalBase64.DecodeRaw(System.Text.Encoding.ASCII.GetBytes(stanza.Arguments[1]));
        if (share is null || share.Length != X25519ShareSize)
        {
            throw new AgeHeaderException("X25519 stanza share is not a canonical 32-byte value.");
        }

        if (stanza.Body.Length != AgeKdf.WrappedFileKeySize)
        {
            throw new AgeHeaderException("X25519 stanza body has the wrong length.");
        }

        return share;
    }

    public static (byte[] Salt, int WorkFactor) ScryptParameters(Stanza stanza)
    {
        if (stanza.Arguments.Count != 3)
        {
            throw new AgeHeaderException("scrypt stanza must have exactly three arguments.");
        }

        byte[]? salt = CanonicalBase64.DecodeRaw(System.Text.Encoding.ASCII.GetBytes(stanza.Arguments[1]));
        if (salt is null || salt.Length != ScryptSaltSize)
        {
            throw new AgeHeaderException("scrypt stanza salt is not a canonical 16-byte value.");
        }

        string wf = stanza.Arguments[2];
        if (wf.Length is 0 or > 2 || wf[0] is < '1' or > '9' || (wf.Length == 2 && wf[1] is < '0' or > '9'))
        {
            throw new AgeHeaderException("scrypt stanza work factor is malformed.");
        }

        int workFactor = wf.Length == 1 ? wf[0] - '0' : ((wf[0] - '0') * 10) + (wf[1] - '0');
        if (workFactor > MaxParsableWorkFactor)
        {
            throw new AgeHeaderException("scrypt stanza work factor is malformed.");
        }

        if (stanza.Body.Length != AgeKdf.WrappedFileKeySize)
        {
            throw new AgeHeaderException("scrypt stanza body has the wrong length.");
        }

        return (salt, workFactor);
    }
}
