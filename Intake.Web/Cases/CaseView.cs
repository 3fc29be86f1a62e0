using Intake.Web.Channels;
using Intake.Web.Keys;
using Intake.Web.Mailbox;
using Intake.Web.Reporting;
using Intake.Web.Reporting.Forms;

namespace Intake.Web.Cases;

/// <summary>A case as a handler sees it, decrypted for one request only.</summary>
public sealed record CaseView(
    CaseRecord Record,
    Channel Channel,
    ReportForm Form,
    CaseReport? Report,
    IReadOnlyList<CaseThreadEntry> Thread,
    string? AssigneeName,
    IReadOnlyList<CaseMember> Members,
    TriageSecrets Triage,
    IReadOnlyList<CaseAuditRow> AuditTrail,
    IReadOnlyList<DueDeadline> Deadlines,
    IReadOnlyList<MeasureView> Measures)
{
    public ChannelKind Kind => ChannelKinds.For(Channel.Code);
}

/// <summary>
/// The report's answers without the identity fields, and the identity block apart: the name and contact are
/// filled in only when the handler asked to see them.
/// </summary>
public sealed record CaseReport(ReportJson Answers, IReadOnlyList<AttachmentView> Attachments, string IdentityMode, bool HasIdentity, string? Name, string? Contact, bool Unreadable);

public sealed record CaseMember(Guid UserId, string DisplayName);

/// <summary>A case event; <see cref="Person"/> names the staff member its detail refers to (an assignee), if any.</summary>
public sealed record CaseAuditRow(long Sequence, DateTimeOffset OccurredAt, string Kind, string? Actor, string? Detail, string? Person);
