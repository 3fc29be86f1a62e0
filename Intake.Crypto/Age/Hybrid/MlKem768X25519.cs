// The hybrid KEM MLKEM768-X25519, a.k.a. X-Wing, HPKE KEM id 0x647a, as age uses it
// (c2sp.org/age, "The MLKEM768-X25519 hybrid post-quantum recipient type"), following
// draft-ietf-hpke-pq-03 / filippo.io/hpke-pq and its reference implementation
// (filippo.io/hpke, pq.go). Primitives: ML-KEM-768 (FIPS 203) and X25519 (RFC 7748)
// through BouncyCastle, SHAKE256 and SHA3-256 (FIPS 202) through BouncyCastle.
//  - Private key: a 32-byte seed. SHAKE256(seed) yields 64 bytes, the ML-KEM seed d||z
//    (FIPS 203 ML-KEM.KeyGen_internal), then 32 bytes, the X25519 private key.
//  - Public key (1 216 bytes): ML-KEM-768 encapsulation key (1 184) || X25519 point (32).
//  - enc (1 120 bytes): ML-KEM-768 ciphertext (1 088) || X25519 ephemeral point (32).
//  - Shared secret (32 bytes): SHA3-256(ss_MLKEM || ss_X25519 || ct_X25519 || pk_X25519
//    || "\.//^\"). An all-zero X25519 shared secret (low-order point) is an error, as in
//    the reference, where X25519 ECDH refuses it.
using System.Security.Cryptography;
using Intake.Crypto.Age.X25519;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Kems;
using Org.BouncyCastle.Crypto.Parameters;

namespace Intake.Crypto.Age.Hybrid;

internal static class MlKem768X25519
{
    public const ushort KemId = 0x647a;
    public const int SeedSize = 32;
    public const int MlKemSeedSize = 64;
    public const int MlKemEncapsulationKeySize = 1184;
    public const int MlKemCiphertextSize = 1088;
    public const int SharedSecretSize = 32;
    public const int PublicKeySize = MlKemEncapsulationKeySize + Curve25519.KeySize;
    public const int EncSize = MlKemCiphertextSize + Curve25519.KeySize;

    // The combiner's domain-separation label, fixed by draft-ietf-hpke-pq for
    // MLKEM768-X25519 (the X-Wing label): the six ASCII characters \.//^\ .
    private static readonly byte[] _label = [0x5c, 0x2e, 0x2f, 0x2f, 0x5e, 0x5c];

    /// <summary>An expanded private key; Dispose wipes the X25519 scalar.</summary>
    public sealed class PrivateKey : IDisposable
    {
        internal PrivateKey(MLKemPrivateKeyParameters mlKem, byte[] x25519Secret)
        {
            MlKem = mlKem;
            X25519Secret = x25519Secret;
            X25519Public = Curve25519.PublicKey(x25519Secret);
        }

        public MLKemPrivateKeyParameters MlKem { get; }

        public byte[] X25519Secret { get; }

        public byte[] X25519Public { get; }

        /// <summary>The 1 216-byte public key: encapsulation key || X25519 point.</summary>
        public byte[] PublicKeyBytes() => [.. MlKem.GetPublicKeyEncoded(), .. X25519Public];

        public void Dispose() => CryptographicOperations.ZeroMemory(X25519Secret);
    }

    /// <summary>Expands a 32-byte seed into the key pair (hpke-pq NewPrivateKey).</summary>
    public static PrivateKey Expand(ReadOnlySpan<byte> seed)
    {
        if (seed.Length != SeedSize)
        {
            throw new ArgumentException("An MLKEM768-X25519 seed is 32 bytes.", nameof(seed));
        }

        byte[] expanded = new byte[MlKemSeedSize + Curve25519.KeySize];
        byte[] mlKemSeed = new byte[MlKemSeedSize];
        try
        {
            ShakeDigest shake = new(256);
            shake.BlockUpdate(seed);
            shake.OutputFinal(expanded);
            expanded.AsSpan(0, MlKemSeedSize).CopyTo(mlKemSeed);
            MLKemPrivateKeyParameters mlKem = MLKemPrivateKeyParameters.FromSeed(MLKemParameters.ml_kem_768, mlKemSeed);
            return new PrivateKey(mlKem, expanded[MlKemSeedSize..]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(expanded);
            CryptographicOperations.ZeroMemory(mlKemSeed);
        }
    }

    /// <summary>
    /// Checks a 1 216-byte public key: the ML-KEM part passes the FIPS 203 modulus check and
    /// the X25519 part is not a low-order point. Returns the parsed ML-KEM key, or null.
    /// </summary>
    public static MLKemPublicKeyParameters? TryParsePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PublicKeySize
            || Curve25519.IsLowOrder(publicKey[MlKemEncapsulationKeySize..].ToArray()))
        {
            return null;
        }

        try
        {
            return MLKemPublicKeyParameters.FromEncoding(MLKemParameters.ml_kem_768, publicKey[..MlKemEncapsulationKeySize].ToArray());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Encapsulates to a checked public key; writes the 32-byte shared secret and returns enc.</summary>
    public static byte[] Encapsulate(MLKemPublicKeyParameters mlKem, byte[] x25519Public, Span<byte> sharedSecret)
    {
        byte[] enc = new byte[EncSize];
        byte[] ssPq = new byte[SharedSecretSize];
        byte[] ephemeral = RandomNumberGenerator.GetBytes(Curve25519.KeySize);
        byte[] ssT = new byte[Curve25519.KeySize];
        try
        {
            MLKemEncapsulator encapsulator = new(MLKemParameters.ml_kem_768);
            encapsulator.Init(mlKem);
            encapsulator.Encapsulate(enc.AsSpan(0, MlKemCiphertextSize), ssPq);
            byte[] ctT = Curve25519.PublicKey(ephemeral);
            if (!Curve25519.TrySharedSecret(ephemeral, x25519Public, ssT))
            {
                throw new InvalidOperationException("The recipient public key is not usable.");
            }

            ctT.CopyTo(enc, MlKemCiphertextSize);
            Combine(ssPq, ssT, ctT, x25519Public, sharedSecret);
            return enc;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ssPq);
            CryptographicOperations.ZeroMemory(ephemeral);
            CryptographicOperations.ZeroMemory(ssT);
        }
    }

    /// <summary>
    /// Decapsulates a 1 120-byte enc into the 32-byte shared secret. False when the X25519
    /// shared secret is all zero. A wrong ML-KEM ciphertext gives a pseudorandom secret
    /// (implicit rejection), detected later by the AEAD.
    /// </summary>
    public static bool TryDecapsulate(PrivateKey key, ReadOnlySpan<byte> enc, Span<byte> sharedSecret)
    {
        if (enc.Length != EncSize)
        {
            throw new ArgumentException("An MLKEM768-X25519 enc is 1120 bytes.", nameof(enc));
        }

        byte[] ssPq = new byte[SharedSecretSize];
        byte[] ssT = new byte[Curve25519.KeySize];
        try
        {
            byte[] ctT = enc[MlKemCiphertextSize..].ToArray();
            if (!Curve25519.TrySharedSecret(key.X25519Secret, ctT, ssT))
            {
                return false;
            }

            MLKemDecapsulator decapsulator = new(MLKemParameters.ml_kem_768);
            decapsulator.Init(key.MlKem);
            decapsulator.Decapsulate(enc[..MlKemCiphertextSize], ssPq);
            Combine(ssPq, ssT, ctT, key.X25519Public, sharedSecret);
            return true;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(ssPq);
            CryptographicOperations.ZeroMemory(ssT);
        }
    }

    private static void Combine(byte[] ssPq, byte[] ssT, byte[] ctT, byte[] pkT, Span<byte> output)
    {
        Sha3Digest sha3 = new(256);
        sha3.BlockUpdate(ssPq);
        sha3.BlockUpdate(ssT);
        sha3.BlockUpdate(ctT);
        sha3.BlockUpdate(pkT);
        sha3.BlockUpdate(_label);
        sha3.DoFinal(output);
    }
}
