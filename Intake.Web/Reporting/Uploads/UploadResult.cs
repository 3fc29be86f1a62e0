using Intake.Web.Reporting.Forms;

namespace Intake.Web.Reporting.Uploads;

/// <summary>What one multipart submission held: the text answers, the staged (sealed) files and the files refused.</summary>
public sealed class UploadResult : IDisposable
{
    public FormAnswers Fields { get; } = new();

    public List<StagedFile> Files { get; } = [];

    /// <summary>Files not taken, by their name as the browser gave it, with why (a message key).</summary>
    public List<(string Name, string MessageKey)> Refused { get; } = [];

    public bool AntiforgeryFailed { get; set; }

    public bool TextTooLarge { get; set; }

    public void Dispose()
    {
        foreach (var file in Files)
        {
            file.Dispose();
        }
    }
}
