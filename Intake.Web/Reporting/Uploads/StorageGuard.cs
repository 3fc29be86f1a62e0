using Intake.Web.Hosting;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// Keeps the attachments within their quotas and the disk from filling (docs/availability.md). Every byte an
/// upload stages is taken from the guard before it is written (<see cref="UploadAllowance"/>): the total of the
/// sealed files stored and in flight never passes <see cref="UploadOptions.MaxTotalBytes"/>, a case's files never
/// pass <see cref="UploadOptions.MaxCaseBytes"/>, and nothing is written into the last
/// <see cref="UploadOptions.MinFreeDiskBytes"/> of the disk. Nothing about who uploads is kept.
/// </summary>
public sealed class StorageGuard(IOptions<UploadOptions> options, DataDirectory data, IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _load = new(1, 1);
    private long _stored = -1;
    private long _inFlight;

    public UploadOptions Limits => options.Value;

    /// <summary>Sealed bytes stored (as last counted, plus commits since) and staged by requests in flight.</summary>
    public long UsedBytes => Math.Max(0, Interlocked.Read(ref _stored)) + Interlocked.Read(ref _inFlight);

    public long FreeDiskBytes
    {
        get
        {
            try
            {
                return new DriveInfo(Path.GetFullPath(data.Attachments)).AvailableFreeSpace;
            }
            catch (Exception ex) when (ex is IOException or ArgumentException or UnauthorizedAccessException)
            {
                return long.MaxValue;
            }
        }
    }

    /// <summary>True when the next file would be refused, or soon will be: /healthz reports degraded.</summary>
    public bool IsNearlyFull =>
        UsedBytes >= Limits.MaxTotalBytes * 9 / 10 || FreeDiskBytes - Limits.MinFreeDiskBytes < Limits.MaxSubmissionBytes * 5;

    /// <summary>An allowance for one request's files; <paramref name="caseId"/> for files added to an existing case.</summary>
    public async Task<UploadAllowance> AllowanceAsync(Guid? caseId, CancellationToken cancellationToken)
    {
        await EnsureCountedAsync(cancellationToken);
        long caseLeft = Limits.MaxCaseBytes;
        if (caseId is { } id)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
            var used = await db.CaseAttachments.AsNoTracking().Where(a => db.CaseEntries.Any(e => e.Id == a.EntryId && e.CaseId == id))
                .SumAsync(a => (long?)a.SealedLength, cancellationToken) ?? 0;
            caseLeft = Math.Max(0, Limits.MaxCaseBytes - used);
        }

        return new UploadAllowance(this, caseLeft);
    }

    /// <summary>Counts the stored files again (the sweep calls this): disposal and sweeping free space.</summary>
    public async Task RecountAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IntakeDbContext>();
        var stored = await db.CaseAttachments.AsNoTracking().SumAsync(a => (long?)a.SealedLength, cancellationToken) ?? 0;
        Interlocked.Exchange(ref _stored, stored);
    }

    internal bool TryTake(long bytes)
    {
        if (FreeDiskBytes - bytes < Limits.MinFreeDiskBytes)
        {
            return false;
        }

        var inFlight = Interlocked.Add(ref _inFlight, bytes);
        if (Math.Max(0, Interlocked.Read(ref _stored)) + inFlight > Limits.MaxTotalBytes)
        {
            Interlocked.Add(ref _inFlight, -bytes);
            return false;
        }

        return true;
    }

    internal void Release(long bytes) => Interlocked.Add(ref _inFlight, -bytes);

    /// <summary>Staged bytes became stored ones: counted as stored before they stop counting as in flight.</summary>
    internal void Stored(long bytes) => Interlocked.Add(ref _stored, bytes);

    public void Dispose() => _load.Dispose();

    private async Task EnsureCountedAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Read(ref _stored) >= 0)
        {
            return;
        }

        await _load.WaitAsync(cancellationToken);
        try
        {
            if (Interlocked.Read(ref _stored) < 0)
            {
                await RecountAsync(cancellationToken);
            }
        }
        finally
        {
            _load.Release();
        }
    }
}

/// <summary>
/// What one request may still stage: bytes are taken from the <see cref="StorageGuard"/> as they are written and
/// given back when the request ends (committed files are counted as stored by then).
/// </summary>
public sealed class UploadAllowance(StorageGuard guard, long caseBytesLeft) : IDisposable
{
    private long _taken;
    private long _caseLeft = caseBytesLeft;

    /// <summary>Takes room for <paramref name="bytes"/> more; false when a quota or the disk guard says no.</summary>
    public bool TryTake(long bytes)
    {
        if (bytes > _caseLeft || !guard.TryTake(bytes))
        {
            return false;
        }

        _caseLeft -= bytes;
        _taken += bytes;
        return true;
    }

    /// <summary>Gives back room for a file that was refused or deleted.</summary>
    public void Return(long bytes)
    {
        var back = Math.Min(bytes, _taken);
        _taken -= back;
        _caseLeft += back;
        guard.Release(back);
    }

    /// <summary>A file of this request was committed: its bytes are stored now.</summary>
    public void Stored(long bytes) => guard.Stored(bytes);

    public void Dispose()
    {
        guard.Release(_taken);
        _taken = 0;
    }
}

/// <summary>A stream that writes only what the allowance lets it: the staging file of one upload.</summary>
internal sealed class GuardedWriteStream(Stream inner, UploadAllowance allowance) : Stream
{
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Take(buffer.Length);
        inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Take(buffer.Length);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Take(int count)
    {
        if (!allowance.TryTake(count))
        {
            throw new StorageFullException();
        }

        Written += count;
    }
}

/// <summary>A quota or the free-disk guard refused the next bytes of an upload.</summary>
public sealed class StorageFullException : IOException
{
    public StorageFullException()
        : base("The storage quota or the free-disk guard refused the upload.")
    {
    }

    public StorageFullException(string message)
        : base(message)
    {
    }

    public StorageFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
