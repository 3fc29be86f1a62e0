using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Reporting.Forms;

namespace Intake.Web.Statistics;

/// <summary>
/// Every dimension the statistics show, each one definition. A new clear column (the organisational unit or the
/// urgency of the threats workflow) becomes one more entry here plus its labels in the resources: the tables,
/// charts, CSV export and the small-cell protection follow from the definition.
/// </summary>
public static class StatisticsDimensions
{
    public const string NotStated = "not-stated";
    public const string NotStatedKey = "Statistics.Value.NotStated";

    /// <summary>The words the case page uses for the outcomes, reused as labels.</summary>
    private static readonly Dictionary<string, string> _outcomeKeys = new(StringComparer.Ordinal)
    {
        [CaseOutcomes.MeasuresTaken] = "CaseWords.MeasuresTaken",
        [CaseOutcomes.NoWrongdoingFound] = "CaseWords.NoWrongdoingFound",
        [CaseOutcomes.ReferredElsewhere] = "CaseWords.ReferredElsewhere",
        [CaseOutcomes.OutsideScope] = "CaseWords.OutsideChannelsScope",
        [CaseOutcomes.InsufficientInformation] = "CaseWords.TooLittleInformationProceed",
        [CaseOutcomes.SupportGiven] = "CaseWords.SupportGiven",
        [CaseOutcomes.Withdrawn] = "CaseWords.WithdrawnByReporter",
    };

    private static readonly string[] _whistleblowing = [ChannelCodes.Whistleblowing];
    private static readonly string[] _threat = [ChannelCodes.Threat];
    private static readonly string[] _both = [ChannelCodes.Whistleblowing, ChannelCodes.Threat];

    public static IReadOnlyList<StatisticsDimension> All { get; } =
    [
        OneOf("category", _whistleblowing, WhistleblowingForm.Form.Field("category")!, f => f.Category),
        OneOf("role", _threat, ThreatField("role"), f => f.ReporterRole),
        OneOf("place", _threat, ThreatField("place"), f => f.IncidentPlace),
        AnyOf("incidentType", _threat, ThreatField("types"), f => f.IncidentTypes),
        AnyOf("contactChannel", _threat, ThreatField("contactChannels"), f => f.ContactChannels),
        // Urgency as the report's own codes gave it (the channel kind's urgent incident types): fixed at receipt, so a
        // handler's later change never moves a figure already shown.
        new("urgency", _threat, Exclusive: true, DimensionTiming.AtReceipt, ["urgent", "not-urgent"],
            (f, _) => [CaseFacts.Codes(f.IncidentTypes).Any(t => Channels.ChannelKinds.Threat.UrgentIncidentTypes.Contains(t, StringComparer.Ordinal)) ? "urgent" : "not-urgent"]),
        new("police", _threat, Exclusive: true, DimensionTiming.AtReceipt, ["yes", "no", NotStated],
            (f, _) => [f.PoliceReported switch { true => "yes", false => "no", null => NotStated }]),
        new("origin", _both, Exclusive: true, DimensionTiming.AtReceipt, Enum.GetNames<CaseOrigin>().Select(n => n.ToLowerInvariant()).ToList(),
            (f, _) => [Enum.IsDefined(f.Origin) ? f.Origin.ToString().ToLowerInvariant() : nameof(CaseOrigin.Online).ToLowerInvariant()]),
        new("acknowledgement", _both, Exclusive: true, DimensionTiming.AtHorizon, ["in-time", "late", "missing", "declined"], Acknowledgement),
        new("feedback", _both, Exclusive: true, DimensionTiming.AtHorizon, ["in-time", "late", "missing"], Feedback),
        new("state", _both, Exclusive: true, DimensionTiming.AtHorizon, ["closed", "open", "overdue"],
            (f, h) => [!f.OpenOn(h.Day) ? "closed" : f.OverdueOn(h.Day, h.Deadlines) ? "overdue" : "open"]),
        new("outcome", _both, Exclusive: false, DimensionTiming.AtHorizon, [.. CaseOutcomes.All, NotStated], Outcome, PartOf: "state/closed",
            LabelKey: code => _outcomeKeys.GetValueOrDefault(code, NotStatedKey)),
        new("workEnvironment", _threat, Exclusive: true, DimensionTiming.AtHorizon, ["reported", "not-reported"],
            (f, h) => [f.WorkEnvironmentReportedOn is { } d && d <= h.Day ? "reported" : "not-reported"]),
        new("socialInsurance", _threat, Exclusive: true, DimensionTiming.AtHorizon, ["reported", "not-reported"],
            (f, h) => [f.SocialInsuranceReportedOn is { } d && d <= h.Day ? "reported" : "not-reported"]),
    ];

    public static IEnumerable<StatisticsDimension> For(string channelCode) => All.Where(d => d.AppliesTo(channelCode));

    /// <summary>The outcome of a case closed by the horizon ("not stated" for a closed case without a known code).</summary>
    private static IEnumerable<string> Outcome(CaseFacts facts, StatisticsHorizon horizon) =>
        facts.OpenOn(horizon.Day) ? [] : [facts.Outcome is { } o && CaseOutcomes.All.Contains(o, StringComparer.Ordinal) ? o : NotStated];

    private static IEnumerable<string> Acknowledgement(CaseFacts facts, StatisticsHorizon horizon)
    {
        if (facts.AcknowledgementDeclined)
        {
            return ["declined"];
        }

        var due = facts.ReceivedOn.AddDays(horizon.Deadlines.AcknowledgementDays);
        return [facts.AcknowledgedOn is not { } on || on > horizon.Day ? "missing" : on <= due ? "in-time" : "late"];
    }

    private static IEnumerable<string> Feedback(CaseFacts facts, StatisticsHorizon horizon)
    {
        var due = facts.FeedbackDue(horizon.Deadlines);
        return [facts.FeedbackGivenOn is not { } on || on > horizon.Day ? "missing" : on <= due ? "in-time" : "late"];
    }

    private static FormField ThreatField(string name) => ThreatForm.Form.Field(name) ?? throw new InvalidOperationException("No field " + name);

    /// <summary>An exclusive dimension over a form field's codes, with "not stated" for none or an unknown code.</summary>
    private static StatisticsDimension OneOf(string key, string[] channels, FormField field, Func<CaseFacts, string?> column)
    {
        var values = field.Choices.Select(o => o.Code).Append(NotStated).ToList();
        var known = values.ToHashSet(StringComparer.Ordinal);
        return new(key, channels, Exclusive: true, DimensionTiming.AtReceipt, values, (f, _) =>
        {
            var picked = CaseFacts.Codes(column(f));
            return [picked.Count == 1 && known.Contains(picked[0]) ? picked[0] : NotStated];
        }, LabelKey: code => code == NotStated ? NotStatedKey : field.Key + "." + code);
    }

    /// <summary>A multi-choice dimension over a form field's codes: a case counts once under each code it has.</summary>
    private static StatisticsDimension AnyOf(string key, string[] channels, FormField field, Func<CaseFacts, string?> column)
    {
        var values = field.Choices.Select(o => o.Code).ToList();
        var known = values.ToHashSet(StringComparer.Ordinal);
        return new(key, channels, Exclusive: false, DimensionTiming.AtReceipt, values,
            (f, _) => CaseFacts.Codes(column(f)).Where(known.Contains).Distinct(StringComparer.Ordinal), LabelKey: code => field.Key + "." + code);
    }
}
