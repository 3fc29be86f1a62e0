// The write side of AgeFile.OpenWrite: a write-only Stream over the STREAM payload
// writer (c2sp.org/age, "Payload") and the optional ASCII armor encoder.
using Intake.Crypto.Age.Armor;
using Intake.Crypto.Age.Payload;

namespace Intake.Crypto.Age;

/// <summary>
/// Write-only sealing stream; see <see cref="AgeFile.OpenWrite"/>. Dispose writes the final
/// chunk and the armor footer. If a write failed, Dispose does not finish the file, so a
/// failed upload never turns into a valid shorter file.
/// </summary>
internal sealed class AgeWriteStream : Stream
{
    private readonly PayloadWriter _writer;
    private readonly ArmorWriter? _armor;
    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private bool _faulted;
    private bool _disposed;

    public AgeWriteStream(PayloadWriter writer, ArmorWriter? armor, Stream output, bool leaveOpen)
    {
        _writer = writer;
        _armor = armor;
        _output = output;
        _leaveOpen = leaveOpen;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            _writer.Write(buffer);
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            await _writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    public override void Flush() => _output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            try
            {
                if (!_faulted)
                {
                    _writer.Finish();
                    _armor?.WriteFooter();
                    _output.Flush();
                }
            }
            finally
            {
                Release();
                if (!_leaveOpen)
                {
                    _output.Dispose();
                }
            }
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            try
            {
                if (!_faulted)
                {
                    await _writer.FinishAsync(CancellationToken.None).ConfigureAwait(false);
                    if (_armor is not null)
                    {
                        await _armor.WriteFooterAsync(CancellationToken.None).ConfigureAwait(false);
                    }

                    await _output.FlushAsync().ConfigureAwait(false);
                }
            }
            finally
            {
                Release();
                if (!_leaveOpen)
                {
                    await _output.DisposeAsync().ConfigureAwait(false);
                }
            }
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void Release()
    {
        _writer.Dispose();
        _armor?.Dispose();
    }
}
