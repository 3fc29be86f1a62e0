using Intake.Web.Reporting.Forms;

namespace Intake.Web.Reporting.Uploads;

/// <summary>
/// What one multipart submission held: the text answers, the staged (sealed) files and the files refused. Disposing
/// it deletes every staged file that no committed transaction references and gives back the request's storage
/// allowance; callers hold it in a <c>using</c> from the moment it is read.
/// </summary>
public sealed class UploadResult(UploadAllowance? allowance = null) : IDisposable
{
    public FormAnswers Fields { get; } = new();

    public List<StagedFile> Files { get; } = [];

    /// <summary>Files not taken, by their name as the browser gave it, with why (a message key).</summary>
    public List<(string Name, string MessageKey)> Refused { get; } = [];

    public bool AntiforgeryFailed { get; set; }

    public bool TextTooLarge { get; set; }

    /// <summary>The body broke off or was not a well-formed form: nothing of it is kept but the text read so far.</summary>
    public bool Malformed { get; set; }

    internal UploadAllowance? Allowance { get; } = allowance;

    /// <summary>The transaction referencing the (promoted) files committed: they stay.</summary>
    public void Committed()
    {
        foreach (var file in Files)
        {
            file.Committed();
        }
    }

    /// <summary>Deletes the staged files now (a broken submission), keeping their names to be chosen again.</summary>
    internal void DeleteStaged()
    {
        foreach (var file in Files)
        {
            file.Dispose();
        }
    }

    public void Dispose()
    {
        foreach (var file in Files)
        {
            file.Dispose();
        }

        Allowance?.Dispose();
    }
}
