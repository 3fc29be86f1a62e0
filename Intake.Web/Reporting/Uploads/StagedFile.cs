namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// An attachment sealed into a temporary file in the data directory, waiting for its case to commit. Only
/// ciphertext is ever written. <see cref="Promote"/> fsyncs and renames it to its final name; anything not
/// promoted is deleted on dispose (and orphans from a crash are swept at start).
/// </summary>
public sealed class StagedFile(string tempPath, string field, AttachmentInfo info) : IDisposable
{
    public const string TempPrefix = ".staging-";

    public AttachmentInfo Info { get; } = info;

    /// <summary>The form field the file came in.</summary>
    public string Field { get; } = field;

    public string TempPath { get; } = tempPath;

    public string? FinalName { get; private set; }

    public long SealedLength => new FileInfo(FinalName is null ? TempPath : Path.Combine(Path.GetDirectoryName(TempPath)!, FinalName)).Length;

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

    public void Dispose()
    {
        if (FinalName is null && File.Exists(TempPath))
        {
            File.Delete(TempPath);
        }
    }
}
