using Microsoft.Extensions.Localization;

namespace Intake.Web.Cases;

/// <summary>Why a case is kept past its disposal day. Stable codes: they are written into the audit log.</summary>
public static class LegalHoldReasons
{
    /// <summary>Court proceedings or a dispute in which the case may be evidence.</summary>
    public const string Proceedings = "proceedings";

    /// <summary>A police or prosecutor's investigation.</summary>
    public const string CriminalInvestigation = "criminal-investigation";

    /// <summary>A supervisory authority's inquiry (IMY, Arbetsmiljöverket, JO and the like).</summary>
    public const string AuthorityInquiry = "authority-inquiry";

    /// <summary>A request for the document (allmän handling) or an archive decision not yet settled.</summary>
    public const string PendingAccessOrArchiveDecision = "pending-access-or-archive-decision";

    /// <summary>Lifting a hold: the reason for it has ended.</summary>
    public const string Ended = "ended";

    public static IReadOnlyList<string> ToPlace { get; } = [Proceedings, CriminalInvestigation, AuthorityInquiry, PendingAccessOrArchiveDecision];

    public static string Label(IStringLocalizer T, string code) => code switch
    {
        Proceedings => T["Case.LegalHold.Proceedings"],
        CriminalInvestigation => T["Case.LegalHold.CriminalInvestigation"],
        AuthorityInquiry => T["Case.LegalHold.AuthorityInquiry"],
        PendingAccessOrArchiveDecision => T["Case.LegalHold.PendingAccessOrArchiveDecision"],
        Ended => T["Case.LegalHold.Ended"],
        _ => code,
    };
}
