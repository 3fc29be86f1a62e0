using Intake.Web.Reporting.Forms;

namespace Intake.Web.Reporting;

/// <summary>
/// The result of a submission: accepted with a receipt, or sent back with what the reporter typed, the problems
/// next to their fields, and the files that must be chosen again (a browser cannot keep them for us).
/// </summary>
public sealed record ReportOutcome(
    Cases.SealingMode Mode,
    Receipt? Receipt,
    FormAnswers Answers,
    IReadOnlyList<FieldProblem> Problems,
    IReadOnlyList<(string Name, string MessageKey)> RefusedFiles,
    IReadOnlyList<string> FilesToChooseAgain,
    bool FormExpired,
    Admission.Admission? Refusal = null)
{
    public bool Accepted => Receipt is not null;

    /// <summary>The form stamp the submission carried (docs/availability.md): the form shown again keeps it.</summary>
    public string? Stamp { get; init; }

    /// <summary>Not taken now: too many reports are arriving. Nothing was kept; what was typed comes back.</summary>
    public static ReportOutcome NotAdmitted(Cases.SealingMode mode, FormAnswers answers, Admission.Admission refusal, IReadOnlyList<string> again)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(mode, null, answers, [], [], again, false, refusal) { Stamp = refusal.Challenge };
    }

    public static ReportOutcome Accept(Receipt receipt) =>
        new(receipt.SealedBy, receipt, new FormAnswers(), [], [], [], false);

    public static ReportOutcome Rejected(
        Cases.SealingMode mode, FormAnswers answers, IReadOnlyList<FieldProblem> problems,
        IReadOnlyList<(string Name, string MessageKey)> refused, IReadOnlyList<string> again, bool expired) =>
        new(mode, null, answers, problems, refused, again, expired);
}
