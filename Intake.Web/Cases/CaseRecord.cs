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

    /// <summary>HKDF of the mailbox token (docs/mailbox-token.md); the token itself is never stored.</summary>
    public byte[] MailboxLookupId { get; set; } = [];

    public string MailboxRecipient { get; set; } = string.Empty;

    public bool AcknowledgementDeclined { get; set; }

    public bool MeetingRequested { get; set; }

    /// <summary>Whistleblowing category code (<see cref="ReportCodes"/>), or null.</summary>
    public string? Category { get; set; }

    /// <summary>Threats and violence: reporter role, incident types, place, contact channels, police reported.</summary>
    public string? ReporterRole { get; set; }

    public string? IncidentTypes { get; set; }

    public string? IncidentPlace { get; set; }

    public string? ContactChannels { get; set; }

    public bool? PoliceReported { get; set; }

    public List<CaseEntry> Entries { get; } = [];
}
