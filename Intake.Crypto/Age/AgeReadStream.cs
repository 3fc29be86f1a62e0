// The read side of AgeFile.OpenRead: a read-only Stream over the STREAM payload reader
// (c2sp.org/age, "Payload"); it owns the reader and, unless leaveOpen, the input.
using Intake.Crypto.Age.Payload;

namespace Intake.Crypto.Age;

/// <summary>Read-only plaintext view of an age file; see <see cref="AgeFile.OpenRead"/>.</summary>
internal sealed class AgeReadStream : Stream
{
    private readonly PayloadReader _reader;
    private readonly Stream _input;
    private readonly bool _leaveOpen;
    private bool _disposed;

    public AgeReadStream(PayloadReader reader, Stream input, bool leaveOpen)
    {
        _reader = reader;
        _input = input;
        _leaveOpen = leaveOpen;
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _reader.Read(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _reader.ReadAsync(buffer, cancellationToken);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _reader.Dispose();
            if (!_leaveOpen)
            {
                _input.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}
