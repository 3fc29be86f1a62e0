// Streaming decryption of the age v1 payload (c2sp.org/age, "Payload"; STREAM,
// eprint 2015/189). Chunk layout: 64 KiB plaintext + 16-byte Poly1305 tag; nonce per
// StreamNonce. Rules enforced:
//  - a chunk is released only after its tag verified;
//  - a full-size chunk is tried as non-final, then as final (a full final chunk);
//  - a short chunk must be final; an empty final chunk only if it is the only chunk;
//  - end of input before a final chunk, or any byte after it, is a payload failure;
//  - once failed, every later read fails again (nothing looks like a clean EOF).
// Buffers come from ArrayPool and are reused; no allocation per chunk.
using System.Buffers;
using System.Security.Cryptography;
using Intake.Crypto.Age.Io;
using Intake.Crypto.Age.Primitives;

namespace Intake.Crypto.Age.Payload;

internal sealed class PayloadReader : IDisposable
{
    private readonly BufferedInput _input;
    private readonly byte[] _scratch = new byte[1];
    private byte[]? _fileKey;
    private ChaCha20Poly1305 _aead = null!;
    private byte[] _cipher;
    private byte[] _plain;
    private int _plainPos;
    private int _plainLen;
    private StreamNonce _nonce;
    private bool _finalSeen;
    private bool _done;
    private AgeException? _failure;

    /// <param name="fileKey">The 16-byte file key; wiped once the payload key is derived.</param>
    /// <param name="nonce">The 16-byte payload nonce read after the header.</param>
    public PayloadReader(BufferedInput input, byte[] fileKey, ReadOnlySpan<byte> nonce)
    {
        _input = input;
        _fileKey = fileKey;
        Start(nonce);
        _cipher = ArrayPool<byte>.Shared.Rent(PayloadFormat.EncryptedChunkSize);
        _plain = ArrayPool<byte>.Shared.Rent(PayloadFormat.ChunkSize);
    }

    public int Read(Span<byte> destination)
    {
        while (true)
        {
            if (TryServe(destination, out int served))
            {
                return served;
            }

            if (_finalSeen)
            {
                StepFinish(_input.Read(_scratch.AsSpan(0, 1)));
                continue;
            }

            int n = _input.ReadFull(_cipher.AsSpan(0, PayloadFormat.EncryptedChunkSize));
            if (Deliver(n, destination, out int delivered))
            {
                return delivered;
            }
        }
    }

    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryServe(destination.Span, out int served))
            {
                return served;
            }

            if (_finalSeen)
            {
                int extra = await _input.ReadAsync(_scratch.AsMemory(0, 1), cancellationToken).ConfigureAwait(false);
                StepFinish(extra);
                continue;
            }

            int n = await _input.ReadFullAsync(_cipher.AsMemory(0, PayloadFormat.EncryptedChunkSize), cancellationToken).ConfigureAwait(false);
            if (Deliver(n, destination.Span, out int delivered))
            {
                return delivered;
            }
        }
    }

    /// <summary>
    /// Opens the chunk just read. A destination that can hold a whole chunk receives the
    /// plaintext directly (returns true with the count); otherwise it goes to the internal
    /// buffer and is served from there (returns false).
    /// </summary>
    private bool Deliver(int cipherLength, Span<byte> destination, out int delivered)
    {
        bool direct = destination.Length >= PayloadFormat.ChunkSize;
        int produced = StepChunk(cipherLength, direct ? destination : _plain);
        if (direct)
        {
            delivered = produced;
            return produced > 0 || _done;
        }

        _plainPos = 0;
        _plainLen = produced;
        delivered = 0;
        return false;
    }

    private bool TryServe(Span<byte> destination, out int served)
    {
        served = 0;
        if (_failure is not null)
        {
            throw _failure;
        }

        if (_plainLen > _plainPos)
        {
            served = Math.Min(destination.Length, _plainLen - _plainPos);
            _plain.AsSpan(_plainPos, served).CopyTo(destination);
            _plainPos += served;
            return true;
        }

        return _done || destination.IsEmpty;
    }

    private int StepChunk(int cipherLength, Span<byte> target)
    {
        try
        {
            return OpenChunk(cipherLength, target);
        }
        catch (AgeException ex)
        {
            throw Fail(ex);
        }
    }

    private void StepFinish(int extraBytes)
    {
        try
        {
            Finish(extraBytes);
        }
        catch (AgeException ex)
        {
            throw Fail(ex);
        }
    }

    private AgeException Fail(AgeException ex)
    {
        _failure = ex;
        Release();
        return ex;
    }

    private void Start(ReadOnlySpan<byte> nonce)
    {
        Span<byte> key = stackalloc byte[AgeKdf.KeySize];
        try
        {
            AgeKdf.PayloadKey(_fileKey, nonce, key);
            _aead = new ChaCha20Poly1305(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(_fileKey);
            _fileKey = null;
        }
    }

    private void Finish(int extraBytes)
    {
        if (extraBytes != 0)
        {
            throw new AgePayloadException("Trailing data after the end of the encrypted payload.");
        }

        _done = true;
        Release();
    }

    /// <summary>Authenticates and decrypts one chunk into <paramref name="target"/>; returns the plaintext length.</summary>
    private int OpenChunk(int length, Span<byte> target)
    {
        if (length < PayloadFormat.EncryptedChunkSize)
        {
            // A short read means the input ended: this must be the final chunk.
            if (length < PayloadFormat.TagSize)
            {
                throw new AgePayloadException("Encrypted payload is truncated: final chunk missing.");
            }

            if (length == PayloadFormat.TagSize && !_nonce.IsFirst)
            {
                throw new AgePayloadException("Final chunk is empty although the payload is not.");
            }

            if (!TryDecrypt(length, last: true, target))
            {
                throw new AgePayloadException("Payload chunk failed authentication.");
            }

            _finalSeen = true;
            _done = true;
            Release();
            return length - PayloadFormat.TagSize;
        }

        if (TryDecrypt(length, last: false, target))
        {
            _nonce.Increment();
            return length - PayloadFormat.TagSize;
        }

        if (!TryDecrypt(length, last: true, target))
        {
            throw new AgePayloadException("Payload chunk failed authentication.");
        }

        _finalSeen = true;
        return length - PayloadFormat.TagSize;
    }

    /// <summary>On a tag mismatch the target is cleared, so no unverified plaintext is ever exposed.</summary>
    private bool TryDecrypt(int length, bool last, Span<byte> target)
    {
        Span<byte> nonce = stackalloc byte[StreamNonce.Size];
        _nonce.Write(nonce, last);
        int plainLength = length - PayloadFormat.TagSize;
        try
        {
            _aead.Decrypt(nonce, _cipher.AsSpan(0, plainLength), _cipher.AsSpan(plainLength, PayloadFormat.TagSize), target[..plainLength]);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    /// <summary>Drops key material; plaintext still buffered stays readable.</summary>
    private void Release()
    {
        _aead.Dispose();
        if (_fileKey is not null)
        {
            CryptographicOperations.ZeroMemory(_fileKey);
            _fileKey = null;
        }
    }

    public void Dispose()
    {
        Release();
        if (_cipher.Length > 0)
        {
            CryptographicOperations.ZeroMemory(_plain);
            ArrayPool<byte>.Shared.Return(_cipher);
            ArrayPool<byte>.Shared.Return(_plain);
            _cipher = [];
            _plain = [];
        }

        _plainLen = 0;
        _plainPos = 0;
    }
}
