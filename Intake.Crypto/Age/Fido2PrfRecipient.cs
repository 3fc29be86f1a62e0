// Seals a file key with a passkey's PRF outputs as the fido2prf stanza (see Fido2Prf/Fido2PrfKey.cs).
using System.Security.Cryptography;
using Intake.Crypto.Age.Fido2Prf;
using Intake.Crypto.Age.Header;
using Intake.Crypto.Age.Primitives;

namespace Intake.Crypto.Age;

/// <summary>
/// A passkey as an age recipient: the PRF outputs it gave for <see cref="Fido2PrfKey.Inputs"/> of the nonce. The
/// outputs are copied and wiped on dispose; the caller wipes its own copies.
/// </summary>
public sealed class Fido2PrfRecipient : IRecipient, IDisposable
{
    private readonly byte[] _nonce;
    private readonly byte[] _first;
    private readonly byte[] _second;

    public Fido2PrfRecipient(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        if (nonce.Length != Fido2PrfKey.NonceSize || first.Length != Fido2PrfKey.OutputSize || second.Length != Fido2PrfKey.OutputSize)
        {
            throw new ArgumentException("A fido2prf recipient takes a 16-byte nonce and two 32-byte PRF outputs.");
        }

        _nonce = nonce.ToArray();
        _first = first.ToArray();
        _second = second.ToArray();
    }

    bool IRecipient.RequiresSoleStanza => false;

    bool IRecipient.IsPostQuantum => false;

    Stanza IRecipient.Wrap(ReadOnlySpan<byte> fileKey)
    {
        byte[] key = Fido2PrfKey.WrapKey(_first, _second);
        try
        {
            return new Stanza([Fido2PrfKey.Label, CanonicalBase64.EncodeRaw(_nonce)], AgeKdf.WrapFileKey(key, fileKey));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_first);
        CryptographicOperations.ZeroMemory(_second);
    }
}
