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
    bool FormExpired)
{
    public bool Accepted => Receipt is not null;

    public static ReportOutcome Accept(Receipt receipt) =>
        new(receipt.SealedBy, receipt, new FormAnswers(), [], [], [], false);

    public static ReportOutcome Rejected(
        Cases.SealingMode mode, FormAnswers answers, IReadOnlyList<FieldProblem> problems,
        IReadOnlyList<(string Name, string MessageKey)> refused, IReadOnlyList<string> again, bool expired) =>
        new(mode, null, answers, problems, refused, again, expired);
}
