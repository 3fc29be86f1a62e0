namespace Intake.Web.Reporting.Uploads;

/// <summary>Settings under <c>Intake:Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string SectionName = "Intake:Uploads";

    public long MaxFileBytes { get; set; } = 50L * 1000 * 1000;

    public long MaxSubmissionBytes { get; set; } = 200L * 1000 * 1000;

    public int MaxFiles { get; set; } = 20;

    /// <summary>All text fields of one submission together.</summary>
    public int MaxTextBytes { get; set; } = 512 * 1024;

    /// <summary>All sealed files together, stored and in flight (docs/availability.md).</summary>
    public long MaxTotalBytes { get; set; } = 20L * 1000 * 1000 * 1000;

    /// <summary>The sealed files of one case together.</summary>
    public long MaxCaseBytes { get; set; } = 1000L * 1000 * 1000;

    /// <summary>Free space the disk keeps: no new file is written into it.</summary>
    public long MinFreeDiskBytes { get; set; } = 2L * 1000 * 1000 * 1000;

    /// <summary>How often staging files that no request is writing any more are swept while the app runs.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A staging file not written for this long belongs to no request any more.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The request body limit: the submission plus room for the form and age's overhead.</summary>
    public long MaxRequestBytes => MaxSubmissionBytes + MaxTextBytes + (MaxFiles * 64 * 1024) + (4 * 1024 * 1024);
}
