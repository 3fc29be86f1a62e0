namespace Intake.Web.Cases;

/// <summary>Why an incident that was assessed is not reported to Arbetsmiljöverket: stable codes, worded by
/// <c>Staff.Cases.Statutory.Reason.{code}</c>.</summary>
public static class StatutoryReasons
{
    public const string NotSerious = "not-serious";
    public const string NoSeriousInjury = "no-serious-injury";
    public const string NotWorkRelated = "not-work-related";
    public const string ReportedByOtherEmployer = "reported-by-other-employer";

    public static IReadOnlyList<string> All { get; } = [NotSerious, NoSeriousInjury, NotWorkRelated, ReportedByOtherEmployer];
}
