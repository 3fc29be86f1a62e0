using System.Security.Cryptography;
using Intake.Crypto.Age;

namespace Intake.Tests.Crypto;

/// <summary>Shared keys and helpers for the age tests.</summary>
internal static class AgeTestData
{
    /// <summary>The identity of the C2SP CCTV age test kit.</summary>
    public const string KitIdentity = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0";

    public static byte[] RandomBytes(int length, int seed)
    {
        byte[] data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static byte[] EncryptTo(X25519Identity identity, byte[] plaintext, bool armor = false)
        => AgeFile.Encrypt(plaintext, [identity.Recipient], armor);

    public static string Sha256Hex(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
