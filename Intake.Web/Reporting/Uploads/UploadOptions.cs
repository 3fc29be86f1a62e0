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

    /// <summary>The request body limit: the submission plus room for the form and age's overhead.</summary>
    public long MaxRequestBytes => MaxSubmissionBytes + MaxTextBytes + (MaxFiles * 64 * 1024) + (4 * 1024 * 1024);
}
