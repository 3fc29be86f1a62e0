// The age scrypt wrap key (c2sp.org/age, "The scrypt recipient type"):
//   wrap key = scrypt(N = 2^workFactor, r = 8, p = 1, dkLen = 32,
//                     S = "age-encryption.org/v1/scrypt" || salt(16), P = passphrase)
// scrypt per RFC 7914, computed by BouncyCastle. The passphrase is UTF-8 encoded.
using System.Security.Cryptography;
using System.Text;
using BcScrypt = Org.BouncyCastle.Crypto.Generators.SCrypt;

namespace Intake.Crypto.Age.Scrypt;

internal static class ScryptKdf
{
    public const int SaltSize = 16;
    public const int MaxSupportedWorkFactor = 30;

    // Salt prefix fixed by the age v1 spec: binds the derived key to this use.
    private static readonly byte[] _saltLabel = Encoding.ASCII.GetBytes("age-encryption.org/v1/scrypt");

    public static byte[] WrapKey(byte[] passphrase, ReadOnlySpan<byte> salt, int workFactor)
    {
        if (workFactor is < 1 or > MaxSupportedWorkFactor)
        {
            throw new ArgumentOutOfRangeException(nameof(workFactor));
        }

        byte[] fullSalt = [.. _saltLabel, .. salt];
        return BcScrypt.Generate(passphrase, fullSalt, 1 << workFactor, 8, 1, 32);
    }

    public static byte[] EncodePassphrase(string passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        if (passphrase.Length == 0)
        {
            throw new ArgumentException("The passphrase must not be empty.", nameof(passphrase));
        }

        return Encoding.UTF8.GetBytes(passphrase);
    }

    public static void Wipe(byte[] secret) => CryptographicOperations.ZeroMemory(secret);
}
