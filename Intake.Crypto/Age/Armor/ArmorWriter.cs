// Streaming encoder of the age ASCII armor (c2sp.org/age, "ASCII armor"; RFC 7468
// section 3): BEGIN line, padded base64 in 64-column lines (48 input bytes each, the
// last line shorter unless the data is a multiple of 48 bytes), END line, all LF.
// Encodes into a reused pooled buffer; never builds strings.
using System.Buffers;

namespace Intake.Crypto.Age.Armor;

internal sealed class ArmorWriter : System.IO.Stream
{
    private const int LinesPerBlock = 1024;
    private const int OutputBlockSize = LinesPerBlock * (ArmorFormat.ColumnsPerLine + 1);

    private readonly System.IO.Stream _output;
    private readonly byte[] _pending = new byte[ArmorFormat.BytesPerLine];
    private byte[] _block;
    private int _pendingLen;
    private int _blockLen;
    private bool _headerWritten;

    public ArmorWriter(System.IO.Stream output)
    {
        _output = output;
        _block = ArrayPool<byte>.Shared.Rent(OutputBlockSize + ArmorFormat.Header.Length + ArmorFormat.Footer.Length + 4);
    }

    /// <summary>Encodes into the block buffer; returns the bytes ready to be written (possibly none).</summary>
    private ReadOnlyMemory<byte> Encode(ReadOnlySpan<byte> data, out int consumed)
    {
        consumed = 0;
        _blockLen = 0;
        if (!_headerWritten)
        {
            AppendHeader();
        }

        while (!data.IsEmpty && _blockLen + ArmorFormat.ColumnsPerLine + 1 <= OutputBlockSize)
        {
            if (_pendingLen == 0 && data.Length >= ArmorFormat.BytesPerLine)
            {
                AppendLine(data[..ArmorFormat.BytesPerLine]);
                data = data[ArmorFormat.BytesPerLine..];
                consumed += ArmorFormat.BytesPerLine;
                continue;
            }

            int n = Math.Min(data.Length, ArmorFormat.BytesPerLine - _pendingLen);
            data[..n].CopyTo(_pending.AsSpan(_pendingLen));
            _pendingLen += n;
            data = data[n..];
            consumed += n;
            if (_pendingLen == ArmorFormat.BytesPerLine)
            {
                AppendLine(_pending);
                _pendingLen = 0;
            }
        }

        return _block.AsMemory(0, _blockLen);
    }

    /// <summary>Encodes the remaining bytes and the END line.</summary>
    private ReadOnlyMemory<byte> Finish()
    {
        _blockLen = 0;
        if (!_headerWritten)
        {
            AppendHeader();
        }

        if (_pendingLen > 0)
        {
            AppendLine(_pending.AsSpan(0, _pendingLen));
            _pendingLen = 0;
        }

        ArmorFormat.FooterBytes.CopyTo(_block.AsSpan(_blockLen));
        _blockLen += ArmorFormat.FooterBytes.Length;
        _block[_blockLen++] = (byte)'\n';
        return _block.AsMemory(0, _blockLen);
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => _output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        do
        {
            ReadOnlyMemory<byte> encoded = Encode(buffer, out int consumed);
            _output.Write(encoded.Span);
            buffer = buffer[consumed..];
        }
        while (!buffer.IsEmpty);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        do
        {
            ReadOnlyMemory<byte> encoded = Encode(buffer.Span, out int consumed);
            await _output.WriteAsync(encoded, cancellationToken).ConfigureAwait(false);
            buffer = buffer[consumed..];
        }
        while (!buffer.IsEmpty);
    }

    public void WriteFooter() => _output.Write(Finish().Span);

    public ValueTask WriteFooterAsync(CancellationToken cancellationToken) => _output.WriteAsync(Finish(), cancellationToken);

    private void AppendHeader()
    {
        ArmorFormat.HeaderBytes.CopyTo(_block.AsSpan(_blockLen));
        _blockLen += ArmorFormat.HeaderBytes.Length;
        _block[_blockLen++] = (byte)'\n';
        _headerWritten = true;
    }

    private void AppendLine(ReadOnlySpan<byte> bytes)
    {
        _blockLen += Primitives.CanonicalBase64.EncodePadded(bytes, _block.AsSpan(_blockLen));
        _block[_blockLen++] = (byte)'\n';
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _block.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_block);
            _block = [];
        }

        base.Dispose(disposing);
    }
}
