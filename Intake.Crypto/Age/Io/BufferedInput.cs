// A small read-ahead buffer over a stream, so the text parts of an age file (armor
// lines, header lines) can be examined without consuming bytes that belong to the
// next layer. Bulk reads bypass the buffer once it is drained. The buffer only grows
// up to a fixed cap, so a hostile input cannot make it unbounded.
namespace Intake.Crypto.Age.Io;

internal sealed class BufferedInput
{
    private readonly Stream _source;
    private readonly int _maxSize;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public BufferedInput(Stream source, int initialSize, int maxSize)
    {
        _source = source;
        _buffer = new byte[initialSize];
        _maxSize = maxSize;
    }

    public ReadOnlySpan<byte> Buffered => _buffer.AsSpan(_start, _end - _start);

    public int Count => _end - _start;

    /// <summary>True once the source has reported end of stream.</summary>
    public bool SourceExhausted => _eof;

    /// <summary>True when the buffer is at its cap and cannot take more bytes.</summary>
    public bool IsFull => _start == 0 && _end == _buffer.Length && _buffer.Length >= _maxSize;

    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            _start = 0;
            _end = 0;
        }
    }

    /// <summary>Reads more bytes into the buffer; false at end of stream or when full.</summary>
    public bool Fill()
    {
        if (!MakeRoom())
        {
            return false;
        }

        int n = _source.Read(_buffer, _end, _buffer.Length - _end);
        return Account(n);
    }

    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (!MakeRoom())
        {
            return false;
        }

        int n = await _source.ReadAsync(_buffer.AsMemory(_end, _buffer.Length - _end), cancellationToken).ConfigureAwait(false);
        return Account(n);
    }

    /// <summary>Index of the first line feed in the buffer, or -1.</summary>
    public int IndexOfLineFeed() => Buffered.IndexOf((byte)'\n');

    public int Read(Span<byte> destination)
    {
        if (Count > 0)
        {
            int n = Math.Min(Count, destination.Length);
            Buffered[..n].CopyTo(destination);
            Consume(n);
            return n;
        }

        if (_eof || destination.IsEmpty)
        {
            return 0;
        }

        int read = _source.Read(destination);
        if (read == 0)
        {
            _eof = true;
        }

        return read;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        if (Count > 0)
        {
            int n = Math.Min(Count, destination.Length);
            Buffered[..n].CopyTo(destination.Span);
            Consume(n);
            return n;
        }

        if (_eof || destination.IsEmpty)
        {
            return 0;
        }

        int read = await _source.ReadAsync(destination, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
        }

        return read;
    }

    /// <summary>Reads until <paramref name="destination"/> is full or the input ends; returns how much was read.</summary>
    public int ReadFull(Span<byte> destination)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int n = Read(destination[total..]);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    /// <summary>Reads until <paramref name="destination"/> is full or the input ends; returns how much was read.</summary>
    public async ValueTask<int> ReadFullAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        int total = 0;
        while (total < destination.Length)
        {
            int n = await ReadAsync(destination[total..], cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            total += n;
        }

        return total;
    }

    private bool Account(int n)
    {
        if (n == 0)
        {
            _eof = true;
            return false;
        }

        _end += n;
        return true;
    }

    private bool MakeRoom()
    {
        if (_eof)
        {
            return false;
        }

        if (_end < _buffer.Length)
        {
            return true;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
            return true;
        }

        if (_buffer.Length >= _maxSize)
        {
            return false;
        }

        Array.Resize(ref _buffer, Math.Min(_maxSize, _buffer.Length * 2));
        return true;
    }
}
