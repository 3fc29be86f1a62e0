namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// An attachment sealed into a temporary file in the data directory, waiting for its case to commit. Only
/// ciphertext is ever written. <see cref="Promote"/> renames it to its final name just before the transaction that
/// references it; <see cref="Committed"/> says that transaction succeeded. On dispose, a file never promoted is
/// deleted, and so is one promoted for a transaction that then failed: nothing outlives its request unless a
/// committed row refers to it. (What a crash leaves is removed by <see cref="AttachmentSweeper"/>.)
/// </summary>
public sealed class StagedFile(string tempPath, string field, AttachmentInfo info, UploadAllowance? allowance = null) : IDisposable
{
    public const string TempPrefix = ".staging-";

    private bool _committed;

    public AttachmentInfo Info { get; } = info;

    /// <summary>The form field the file came in.</summary>
    public string Field { get; } = field;

    public string TempPath { get; } = tempPath;

    public string? FinalName { get; private set; }

    private string? FinalPath => FinalName is null ? null : Path.Combine(Path.GetDirectoryName(TempPath)!, FinalName);

    public long SealedLength => new FileInfo(FinalPath ?? TempPath).Length;

    /// <summary>
    /// Moves the sealed file to <c>attachments/{id}.age</c>; returns the name to reference. Its modification and
    /// access times are set to the start of the day (UTC), the precision the case keeps: the file system would
    /// otherwise record the submission to the nanosecond.
    /// </summary>
    public string Promote(Guid id)
    {
        var name = $"{id:N}.age";
        var final = Path.Combine(Path.GetDirectoryName(TempPath)!, name);
        var day = DateTime.UtcNow.Date;
        File.SetLastWriteTimeUtc(TempPath, day);
        File.SetLastAccessTimeUtc(TempPath, day);
        File.Move(TempPath, final);
        FinalName = name;
        return name;
    }

    /// <summary>The transaction that references the promoted file committed: the file stays.</summary>
    public void Committed()
    {
        if (FinalName is not null && !_committed)
        {
            _committed = true;
            allowance?.Stored(SealedLength);
        }
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        TryDelete(TempPath);
        if (FinalPath is { } promoted)
        {
            TryDelete(promoted);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Left for the sweep, which retries every few minutes.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
