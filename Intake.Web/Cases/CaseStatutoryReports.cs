using Intake.Web.Audit;
using Intake.Web.Keys;

namespace Intake.Web.Cases;

/// <summary>The Arbetsmiljöverket decision as the handler records it.</summary>
public enum WorkEnvironmentDecision
{
    Undecided = 0,
    Serious = 1,
    NotSerious = 2,
}

/// <summary>What the handler records in the statutory reports panel.</summary>
public sealed record StatutoryInput(
    WorkEnvironmentDecision Decision,
    string? NotReportedReason,
    DateOnly? WorkEnvironmentReportedOn,
    string? WorkEnvironmentReference,
    bool SocialInsuranceReportNeeded,
    DateOnly? SocialInsuranceReportedOn);

/// <summary>
/// The reports a threats-and-violence case may owe: "serious incident?" is a recorded decision (yes, with the day
/// it was reported to Arbetsmiljöverket and their reference, sealed; or no, with a reason code), and an injury
/// goes to Försäkringskassan (SFB 42:10) with the day it was reported. <see cref="Missing"/> is the close-guard:
/// what must be recorded before the case can be closed, so no injury report is forgotten when a case ends.
/// </summary>
public sealed class CaseStatutoryReports(CaseTriage triage, CaseSchedule schedule, CaseCalendar calendar, AuditLog audit)
{
    /// <summary>The close-guard's codes, worded by <c>Staff.Cases.CloseGuard.{code}</c>.</summary>
    public const string DecisionMissing = "awe-decision";
    public const string WorkEnvironmentReportMissing = "awe-report";
    public const string SocialInsuranceReportMissing = "fk-report";
    public const string MeasuresOpen = "measures-open";

    public static WorkEnvironmentDecision DecisionOf(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.WorkEnvironmentDecidedOn is null ? WorkEnvironmentDecision.Undecided
            : record.WorkEnvironmentReportNeeded ? WorkEnvironmentDecision.Serious : WorkEnvironmentDecision.NotSerious;
    }

    /// <summary>What stands between this case and closing; empty when it may close.</summary>
    public static IReadOnlyList<string> Missing(CaseRecord record, IReadOnlyList<CaseMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(measures);
        var missing = new List<string>();
        if (record.WorkEnvironmentDecidedOn is null)
        {
            missing.Add(DecisionMissing);
        }
        else if (record.WorkEnvironmentReportNeeded && record.WorkEnvironmentReportedOn is null)
        {
            missing.Add(WorkEnvironmentReportMissing);
        }

        if (record.SocialInsuranceReportNeeded && record.SocialInsuranceReportedOn is null)
        {
            missing.Add(SocialInsuranceReportMissing);
        }

        if (measures.Any(m => m.Status == MeasureStatus.Planned))
        {
            missing.Add(MeasuresOpen);
        }

        return missing;
    }

    public async Task UpdateAsync(CaseRecord record, UnlockedKeyring keyring, StatutoryInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(keyring);
        ArgumentNullException.ThrowIfNull(input);
        var decided = input.Decision != WorkEnvironmentDecision.Undecided;
        var changedDecision = DecisionOf(record) != input.Decision;
        record.WorkEnvironmentDecidedOn = !decided ? null : changedDecision ? calendar.Today : record.WorkEnvironmentDecidedOn ?? calendar.Today;
        record.WorkEnvironmentReportNeeded = input.Decision == WorkEnvironmentDecision.Serious;
        record.WorkEnvironmentReportedOn = record.WorkEnvironmentReportNeeded ? input.WorkEnvironmentReportedOn : null;
        record.WorkEnvironmentNotReportedReason = input.Decision == WorkEnvironmentDecision.NotSerious ? input.NotReportedReason : null;
        record.SocialInsuranceReportNeeded = input.SocialInsuranceReportNeeded || input.SocialInsuranceReportedOn is not null;
        record.SocialInsuranceReportedOn = input.SocialInsuranceReportedOn;
        var secrets = triage.Open(record, keyring);
        var reference = record.WorkEnvironmentReportNeeded ? CaseTriage.Clean(input.WorkEnvironmentReference) : null;
        await triage.SealAsync(record, secrets with { WorkEnvironmentReference = reference, Unreadable = false }, cancellationToken);
        await schedule.RefreshAsync(record, cancellationToken);
        await audit.AppendAsync(AuditKinds.CaseStatutoryChanged, keyring.UserId, record.Id, record.ChannelId, Detail(record), cancellationToken);
    }

    private static string Detail(CaseRecord record)
    {
        var flags = new List<string>
        {
            DecisionOf(record) switch
            {
                WorkEnvironmentDecision.Serious => record.WorkEnvironmentReportedOn is null ? "awe-pending" : "awe-reported",
                WorkEnvironmentDecision.NotSerious => "awe-not-serious",
                _ => "awe-undecided",
            },
        };
        if (record.WorkEnvironmentNotReportedReason is { } reason)
        {
            flags.Add("reason-" + reason);
        }

        if (record.SocialInsuranceReportNeeded)
        {
            flags.Add(record.SocialInsuranceReportedOn is null ? "fk-pending" : "fk-reported");
        }

        return string.Join(',', flags);
    }
}
