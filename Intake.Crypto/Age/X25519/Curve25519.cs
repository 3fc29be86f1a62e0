// X25519 (RFC 7748 section 5) through BouncyCastle's Rfc7748 implementation, which
// clamps the 32-byte scalar as the RFC requires. Sizes: scalar 32, u-coordinate 32.
// Callers wipe the scalars and shared secrets they pass in and get back.
using System.Security.Cryptography;
using BcX25519 = Org.BouncyCastle.Math.EC.Rfc7748.X25519;

namespace Intake.Crypto.Age.X25519;

internal static class Curve25519
{
    public const int KeySize = 32;

    public static byte[] PublicKey(byte[] scalar)
    {
        byte[] publicKey = new byte[KeySize];
        BcX25519.ScalarMultBase(scalar, 0, publicKey, 0);
        return publicKey;
    }

    /// <summary>Computes X25519(scalar, point); false when the result is all zero (low-order point).</summary>
    public static bool TrySharedSecret(byte[] scalar, byte[] point, byte[] shared)
    {
        BcX25519.ScalarMult(scalar, 0, point, 0, shared, 0);
        byte acc = 0;
        foreach (byte b in shared)
        {
            acc |= b;
        }

        if (acc == 0)
        {
            CryptographicOperations.ZeroMemory(shared);
            return false;
        }

        return true;
    }

    /// <summary>True when X25519 with this point gives the all-zero value (a low-order point).</summary>
    public static bool IsLowOrder(byte[] point)
    {
        byte[] probe = new byte[KeySize];
        byte[] shared = new byte[KeySize];
        probe[0] = 1;
        probe[31] = 0x40;
        return !TrySharedSecret(probe, point, shared);
    }
}
