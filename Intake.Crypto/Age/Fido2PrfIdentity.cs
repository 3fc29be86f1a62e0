// Opens a fido2prf stanza (see Fido2Prf/Fido2PrfKey.cs) with the PRF outputs a passkey gave for its nonce.
// A stanza must have exactly two arguments, the nonce canonical base64 of 16 bytes, and a 32-byte body, as the
// TypeScript implementation requires; a stanza of another nonce than the outputs were asked for is no match.
using System.Security.Cryptography;
using Intake.Crypto.Age.Fido2Prf;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Primitives;

namespace Intake.Crypto.Age;

/// <summary>A passkey as an age identity: the PRF outputs it gave for the inputs of <paramref name="nonce"/>.</summary>
public sealed class Fido2PrfIdentity : IIdentity, IDisposable
{
    private readonly byte[] _nonce;
    private readonly byte[] _first;
    private readonly byte[] _second;
    private bool _disposed;

    public Fido2PrfIdentity(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        if (nonce.Length != Fido2PrfKey.NonceSize || first.Length != Fido2PrfKey.OutputSize || second.Length != Fido2PrfKey.OutputSize)
        {
            throw new ArgumentException("A fido2prf identity takes a 16-byte nonce and two 32-byte PRF outputs.");
        }

        _nonce = nonce.ToArray();
        _first = first.ToArray();
        _second = second.ToArray();
    }

    byte[]? IIdentity.Unwrap(IReadOnlyList<Stanza> stanzas)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        foreach (Stanza stanza in stanzas)
        {
            if (stanza.Type != Fido2PrfKey.Label)
            {
                continue;
            }

            byte[]? nonce = stanza.Arguments.Count == 2
                ? CanonicalBase64.DecodeRaw(System.Text.Encoding.ASCII.GetBytes(stanza.Arguments[1]))
                : null;
            if (nonce is null || nonce.Length != Fido2PrfKey.NonceSize || stanza.Body.Length != AgeKdf.WrappedFileKeySize)
            {
                throw new AgeHeaderException("Invalid fido2prf stanza.");
            }

            if (!CryptographicOperations.FixedTimeEquals(nonce, _nonce))
            {
                continue;
            }

            byte[] key = Fido2PrfKey.WrapKey(_first, _second);
            try
            {
                if (AgeKdf.UnwrapFileKey(key, stanza.Body) is { } fileKey)
                {
                    return fileKey;
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }

        return null;
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_first);
        CryptographicOperations.ZeroMemory(_second);
        _disposed = true;
    }
}
