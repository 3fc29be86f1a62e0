using Intake.Web.Reporting.Forms;

namespace Intake.Web.Cases;

/// <summary>Case codes in words, in Swedish or English: statuses, and category codes from the channel's form.</summary>
public static class CaseWords
{
    public static string Status(CaseStatus status, bool english) => status switch
    {
        CaseStatus.Received => english ? "Received" : "Mottaget",
        CaseStatus.Acknowledged => english ? "Acknowledged" : "Bekräftat",
        CaseStatus.UnderInvestigation => english ? "Under investigation" : "Utreds",
        CaseStatus.FeedbackGiven => english ? "Feedback given" : "Återkoppling lämnad",
        CaseStatus.Closed => english ? "Closed" : "Avslutat",
        _ => status.ToString(),
    };

    /// <summary>The label of a category or incident-type code of a channel's form; the code itself when unknown.</summary>
    public static string Category(string channelCode, string code, bool english)
    {
        var option = CategoryChoices(channelCode).FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal));
        return option is null ? code : english ? option.En : option.Sv;
    }

    private static IEnumerable<FieldOption> CategoryChoices(string channelCode)
    {
        try
        {
            return ReportForms.For(channelCode).Fields
                .Where(f => f.Triage is TriageColumn.Category or TriageColumn.IncidentTypes)
                .SelectMany(f => f.Choices);
        }
        catch (ArgumentOutOfRangeException)
        {
            return [];
        }
    }
}
