// Streaming encryption of the age v1 payload (c2sp.org/age, "Payload"; STREAM,
// eprint 2015/189): 64 KiB plaintext chunks sealed with ChaCha20-Poly1305 under the
// payload key and the StreamNonce counter. A full buffer is sealed as non-final only
// once more plaintext arrives, so the final chunk may be full; it is empty only when
// the whole payload is empty. The header and payload nonce are emitted ahead of the
// first chunk. Buffers come from ArrayPool and are reused for every chunk.
using System.Buffers;
using System.Security.Cryptography;

namespace Intake.Crypto.Age.Payload;

internal sealed class PayloadWriter : IDisposable
{
    private readonly System.IO.Stream _output;
    private readonly ChaCha20Poly1305 _aead;
    private byte[]? _prefix;
    private byte[] _plain;
    private byte[] _cipher;
    private int _plainLen;
    private StreamNonce _nonce;
    private bool _finished;

    public PayloadWriter(System.IO.Stream output, ReadOnlySpan<byte> payloadKey, byte[] prefix)
    {
        _output = output;
        _aead = new ChaCha20Poly1305(payloadKey);
        _prefix = prefix;
        _plain = ArrayPool<byte>.Shared.Rent(PayloadFormat.ChunkSize);
        _cipher = ArrayPool<byte>.Shared.Rent(PayloadFormat.EncryptedChunkSize);
    }

    public bool IsFinished => _finished;

    public void Write(ReadOnlySpan<byte> data)
    {
        ThrowIfFinished();
        WritePrefix();
        while (!data.IsEmpty)
        {
            if (_plainLen == PayloadFormat.ChunkSize)
            {
                _output.Write(_cipher, 0, Seal(_plain.AsSpan(0, _plainLen), last: false));
                _plainLen = 0;
            }

            if (_plainLen == 0 && data.Length > PayloadFormat.ChunkSize)
            {
                // More data follows, so this chunk is not the final one: seal straight from the caller's span.
                _output.Write(_cipher, 0, Seal(data[..PayloadFormat.ChunkSize], last: false));
                data = data[PayloadFormat.ChunkSize..];
                continue;
            }

            int n = Math.Min(data.Length, PayloadFormat.ChunkSize - _plainLen);
            data[..n].CopyTo(_plain.AsSpan(_plainLen));
            _plainLen += n;
            data = data[n..];
        }
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        await WritePrefixAsync(cancellationToken).ConfigureAwait(false);
        while (!data.IsEmpty)
        {
            if (_plainLen == PayloadFormat.ChunkSize)
            {
                int sealedLength = Seal(_plain.AsSpan(0, _plainLen), last: false);
                await _output.WriteAsync(_cipher.AsMemory(0, sealedLength), cancellationToken).ConfigureAwait(false);
                _plainLen = 0;
            }

            if (_plainLen == 0 && data.Length > PayloadFormat.ChunkSize)
            {
                int sealedLength = Seal(data.Span[..PayloadFormat.ChunkSize], last: false);
                await _output.WriteAsync(_cipher.AsMemory(0, sealedLength), cancellationToken).ConfigureAwait(false);
                data = data[PayloadFormat.ChunkSize..];
                continue;
            }

            int n = Math.Min(data.Length, PayloadFormat.ChunkSize - _plainLen);
            data.Span[..n].CopyTo(_plain.AsSpan(_plainLen));
            _plainLen += n;
            data = data[n..];
        }
    }

    /// <summary>Seals and writes the final chunk.</summary>
    public void Finish()
    {
        ThrowIfFinished();
        WritePrefix();
        int sealedLength = Seal(_plain.AsSpan(0, _plainLen), last: true);
        _finished = true;
        _output.Write(_cipher, 0, sealedLength);
    }

    public async ValueTask FinishAsync(CancellationToken cancellationToken)
    {
        ThrowIfFinished();
        await WritePrefixAsync(cancellationToken).ConfigureAwait(false);
        int sealedLength = Seal(_plain.AsSpan(0, _plainLen), last: true);
        _finished = true;
        await _output.WriteAsync(_cipher.AsMemory(0, sealedLength), cancellationToken).ConfigureAwait(false);
    }

    private void WritePrefix()
    {
        if (_prefix is not null)
        {
            byte[] prefix = _prefix;
            _prefix = null;
            _output.Write(prefix);
        }
    }

    private async ValueTask WritePrefixAsync(CancellationToken cancellationToken)
    {
        if (_prefix is not null)
        {
            byte[] prefix = _prefix;
            _prefix = null;
            await _output.WriteAsync(prefix, cancellationToken).ConfigureAwait(false);
        }
    }

    private int Seal(ReadOnlySpan<byte> plaintext, bool last)
    {
        Span<byte> nonce = stackalloc byte[StreamNonce.Size];
        _nonce.Write(nonce, last);
        _aead.Encrypt(nonce, plaintext, _cipher.AsSpan(0, plaintext.Length), _cipher.AsSpan(plaintext.Length, PayloadFormat.TagSize));
        _nonce.Increment();
        return plaintext.Length + PayloadFormat.TagSize;
    }

    private void ThrowIfFinished()
    {
        ObjectDisposedException.ThrowIf(_plain.Length == 0, this);
        if (_finished)
        {
            throw new InvalidOperationException("The age payload is already finished.");
        }
    }

    public void Dispose()
    {
        _aead.Dispose();
        if (_plain.Length > 0)
        {
            CryptographicOperations.ZeroMemory(_plain);
            ArrayPool<byte>.Shared.Return(_plain);
            ArrayPool<byte>.Shared.Return(_cipher);
            _plain = [];
            _cipher = [];
        }
    }
}
