namespace Intake.Web.Cases;

public enum CaseStatus
{
    Received = 0,
    Acknowledged = 1,
    UnderInvestigation = 2,
    FeedbackGiven = 3,
    Closed = 4,
}

/// <summary>How the report was sealed: by the server during the request, or in the reporter's browser.</summary>
public enum SealingMode
{
    Server = 0,
    Browser = 1,
}

/// <summary>
/// A case: one report and everything that follows it. In clear only what triage needs without keys: channel,
/// case number, day of receipt, status, coarse codes, and the mailbox lookup id and recipient derived from the
/// reporter's token. Everything written by a person is in <see cref="CaseEntry"/> as sealed age files.
/// </summary>
public sealed class CaseRecord
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    /// <summary>Per channel and year: <c>VB-2026-0001</c> (visselblåsning), <c>HV-2026-0001</c> (hot och våld).</summary>
    public string CaseNumber { get; set; } = string.Empty;

    public int Year { get; set; }

    public int Sequence { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public CaseStatus Status { get; set; }

    public SealingMode SealedBy { get; set; }

    /// <summary>The channel key version the report was sealed to.</summary>
    public int ChannelKeyVersion { get; set; }

    /// <summary>
    /// What the mailbox is found by: the verifier, SHA-256 of the authenticator derived from the token
    /// (docs/mailbox-token.md). It opens nothing: every request presents the authenticator itself. For a case
    /// from before the authenticator (<see cref="MailboxLegacy"/>) it is the v1 lookup id until the reporter's
    /// next visit moves it to the verifier. The token itself is never stored.
    /// </summary>
    public byte[] MailboxLookupId { get; set; } = [];

    /// <summary>True while <see cref="MailboxLookupId"/> still holds a v1 lookup id (a case from before the authenticator).</summary>
    public bool MailboxLegacy { get; set; }

    public string MailboxRecipient { get; set; } = string.Empty;

    public bool AcknowledgementDeclined { get; set; }

    public bool MeetingRequested { get; set; }

    /// <summary>Whistleblowing category code (the choices of <see cref="Reporting.Forms.WhistleblowingForm"/>), or null.</summary>
    public string? Category { get; set; }

    /// <summary>Threats and violence: reporter role, incident types, place, contact channels, police reported.</summary>
    public string? ReporterRole { get; set; }

    public string? IncidentTypes { get; set; }

    public string? IncidentPlace { get; set; }

    public string? ContactChannels { get; set; }

    public bool? PoliceReported { get; set; }

    /// <summary>Threats and violence: the consequence codes the reporter ticked (injury, sick leave, …), '|'-joined.</summary>
    public string? Consequences { get; set; }

    /// <summary>Threats and violence: the support the reporter asked for (call, crisis), '|'-joined.</summary>
    public string? SupportWanted { get; set; }

    /// <summary>Threats and violence: how the reporter appears (anonymous, confidential, named), as a code.</summary>
    public string? IdentityMode { get; set; }

    /// <summary>Threats and violence: the organisational unit's code (<see cref="Organisation.OrganisationUnit"/>), or null.</summary>
    public string? OrganisationUnit { get; set; }

    /// <summary>Urgent: set from the report's incident types by the channel kind, then by the handler (audited).</summary>
    public bool Urgent { get; set; }

    /// <summary>How the report came in: the online forms, or registered by a handler on the reporter's behalf.</summary>
    public CaseOrigin Origin { get; set; }

    // ---- Deadlines (CaseDeadlines keeps these consistent; dates are Swedish calendar days) ------------------

    /// <summary>Receipt + 7 days; null when the reporter declined the acknowledgement.</summary>
    public DateOnly? AcknowledgementDue { get; set; }

    public DateOnly? AcknowledgedOn { get; set; }

    /// <summary>3 months from the acknowledgement, or from the end of the 7 days when none was sent; null for a
    /// channel kind without the whistleblowing act's feedback.</summary>
    public DateOnly? FeedbackDue { get; set; }

    public DateOnly? FeedbackGivenOn { get; set; }

    /// <summary>The earliest deadline still open, or null: what the inbox sorts and filters overdue cases by.</summary>
    public DateOnly? NextDeadline { get; set; }

    /// <summary>What <see cref="NextDeadline"/> is for: a <see cref="DeadlineKinds"/> code.</summary>
    public string? NextDeadlineKind { get; set; }

    // ---- Handling ------------------------------------------------------------------------------------------

    public Guid? AssigneeId { get; set; }

    /// <summary>The handler's own category codes, from the channel form's category choices, joined with '|'.</summary>
    public string? HandlerCategories { get; set; }

    /// <summary>Reporter messages no handler has opened the case since.</summary>
    public int UnreadReporterMessages { get; set; }

    /// <summary>
    /// How far the reporter has read the thread: the position of the last entry they could read when they last
    /// opened the mailbox (never when, and not per device). Later replies are marked new for them.
    /// </summary>
    public int ReporterSeenPosition { get; set; }

    // ---- Threats and violence triage (clear flags and dates; free text is in SealedTriage) -----------------

    /// <summary>The day a reporter who asked for a call was first contacted.</summary>
    public DateOnly? FirstContactOn { get; set; }

    /// <summary>A named or confidential reporter asked for a call: the first contact is a deadline.</summary>
    public bool FirstContactRequested { get; set; }

    /// <summary>The day the "serious incident?" decision was recorded; null while undecided.</summary>
    public DateOnly? WorkEnvironmentDecidedOn { get; set; }

    /// <summary>The decision: true when the incident is serious and must be reported to Arbetsmiljöverket.</summary>
    public bool WorkEnvironmentReportNeeded { get; set; }

    /// <summary>Why a decided incident is not reported (<see cref="StatutoryReasons"/>), when the decision is no.</summary>
    public string? WorkEnvironmentNotReportedReason { get; set; }

    /// <summary>The day the serious incident was reported to Arbetsmiljöverket.</summary>
    public DateOnly? WorkEnvironmentReportedOn { get; set; }

    public bool SocialInsuranceReportNeeded { get; set; }

    /// <summary>The day the injury was reported to Försäkringskassan.</summary>
    public DateOnly? SocialInsuranceReportedOn { get; set; }

    public bool RiskAssessmentUpdated { get; set; }

    /// <summary>The day the risk assessment was updated.</summary>
    public DateOnly? RiskAssessmentUpdatedOn { get; set; }

    public DateOnly? FollowUpOn { get; set; }

    /// <summary>The day the follow-up was held.</summary>
    public DateOnly? FollowedUpOn { get; set; }

    /// <summary>
    /// The police report number, the protective measures and Arbetsmiljöverket's reference, an age file sealed to
    /// the channel only: each can point at a person, so they are never in clear.
    /// </summary>
    public byte[]? SealedTriage { get; set; }

    // ---- Closing and retention -----------------------------------------------------------------------------

    public DateOnly? ClosedOn { get; set; }

    /// <summary>An outcome code (<see cref="CaseOutcomes"/>) set when the case is closed.</summary>
    public string? Outcome { get; set; }

    /// <summary>Closing + the retention period: the day the daily job disposes of the content.</summary>
    public DateOnly? DisposeOn { get; set; }

    /// <summary>A legal hold stops disposal until it is lifted.</summary>
    public bool LegalHold { get; set; }

    /// <summary>The day a handler marked the case as exported to the registry or archive.</summary>
    public DateOnly? RegistryExportedOn { get; set; }

    /// <summary>Set when the content was disposed of: only this stub remains.</summary>
    public DateOnly? DisposedOn { get; set; }

    public List<CaseEntry> Entries { get; } = [];

    public List<CaseMeasure> Measures { get; } = [];
}

/// <summary>How a report reached the channel.</summary>
public enum CaseOrigin
{
    Online = 0,
    Phone = 1,
    Post = 2,
    Meeting = 3,
}
