using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Intake.Web.Reporting.Forms;

namespace Intake.Web.Statistics;

/// <summary>
/// Every dimension the statistics show, each one definition. A new clear column becomes one more entry here plus its
/// labels in the resources: the tables, charts, CSV export and the small-cell protection follow from the definition.
/// The organisational unit's values are the administrator's list, so it is made with that list (<see cref="Unit"/>).
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
            (f, _) => [UrgentAtReceipt(f) ? "urgent" : "not-urgent"]),
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
        new("workEnvironment", _threat, Exclusive: true, DimensionTiming.AtHorizon, ["in-time", "late", "not-reported", "not-serious", "undecided"], WorkEnvironment),
        new("socialInsurance", _threat, Exclusive: true, DimensionTiming.AtHorizon, ["in-time", "late", "not-reported", "not-needed"], SocialInsurance),
        new("measures", _threat, Exclusive: true, DimensionTiming.AtHorizon, ["none", "open", "done"], Measures),
    ];

    public static IEnumerable<StatisticsDimension> For(string channelCode) => All.Where(d => d.AppliesTo(channelCode));

    /// <summary>
    /// The dimensions of a channel with the administrator's organisational units (<paramref name="units"/>, in their
    /// order, retired ones too) as one more, right after the place, for the channels whose kind has the unit.
    /// </summary>
    public static IReadOnlyList<StatisticsDimension> For(string channelCode, IReadOnlyList<UnitChoice> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var list = For(channelCode).ToList();
        if (Channels.ChannelKinds.For(channelCode).Has(Channels.CaseSections.OrganisationUnit))
        {
            list.Insert(list.FindIndex(d => d.Key == "place") + 1, Unit(units));
        }

        return list;
    }

    /// <summary>
    /// Where in the organisation, from the case's clear unit code as it stands at the horizon (the reporter's choice or
    /// the handler's correction); "not stated" when none or a code no longer listed. Labelled with the unit's name in
    /// the reader's language.
    /// </summary>
    public static StatisticsDimension Unit(IReadOnlyList<UnitChoice> units)
    {
        ArgumentNullException.ThrowIfNull(units);
        var names = units.ToDictionary(u => u.Code, u => u.Name, StringComparer.Ordinal);
        var values = units.Select(u => u.Code).Append(NotStated).ToList();
        return new("unit", _threat, Exclusive: true, DimensionTiming.AtHorizon, values,
            (f, _) => [f.OrganisationUnit is { } code && names.ContainsKey(code) ? code : NotStated],
            LabelKey: _ => NotStatedKey, Label: code => names.GetValueOrDefault(code));
    }

    /// <summary>The outcome of a case closed by the horizon ("not stated" for a closed case without a known code).</summary>
    private static IEnumerable<string> Outcome(CaseFacts facts, StatisticsHorizon horizon) =>
        facts.OpenOn(horizon.Day) ? [] : [facts.Outcome is { } o && CaseOutcomes.All.Contains(o, StringComparer.Ordinal) ? o : NotStated];

    /// <summary>
    /// The Arbetsmiljöverket report as it stood at the horizon: in time when reported by its deadline in the channel
    /// kind's rules (the day of receipt for a case urgent from the report's own codes, else the day of the decision).
    /// </summary>
    private static IEnumerable<string> WorkEnvironment(CaseFacts facts, StatisticsHorizon horizon)
    {
        if (facts.WorkEnvironmentDecidedOn is not { } decided || decided > horizon.Day)
        {
            return ["undecided"];
        }

        if (!facts.WorkEnvironmentReportNeeded)
        {
            return ["not-serious"];
        }

        var due = UrgentAtReceipt(facts) ? facts.ReceivedOn : decided;
        return [facts.WorkEnvironmentReportedOn is not { } on || on > horizon.Day ? "not-reported" : on <= due ? "in-time" : "late"];
    }

    /// <summary>The Försäkringskassan report: in time when reported within the configured working days of receipt.</summary>
    private static IEnumerable<string> SocialInsurance(CaseFacts facts, StatisticsHorizon horizon)
    {
        if (!facts.SocialInsuranceReportNeeded)
        {
            return ["not-needed"];
        }

        var due = WorkingDays.Swedish.Add(facts.ReceivedOn, horizon.Deadlines.InjuryReportWorkingDays);
        return [facts.SocialInsuranceReportedOn is not { } on || on > horizon.Day ? "not-reported" : on <= due ? "in-time" : "late"];
    }

    /// <summary>
    /// The case's measures at the horizon, cancelled ones left out: none decided, some still open, or all done. A
    /// measure cancelled after the horizon counts as never decided, since no cancellation date is kept.
    /// </summary>
    private static IEnumerable<string> Measures(CaseFacts facts, StatisticsHorizon horizon)
    {
        var decided = facts.Measures.Where(m => m.CreatedOn <= horizon.Day && m.Status != MeasureStatus.Cancelled).ToList();
        return [decided.Count == 0 ? "none" : decided.All(m => m.Status == MeasureStatus.Done && m.DoneOn is { } d && d <= horizon.Day) ? "done" : "open"];
    }

    private static bool UrgentAtReceipt(CaseFacts facts) =>
        CaseFacts.Codes(facts.IncidentTypes).Any(t => Channels.ChannelKinds.Threat.UrgentIncidentTypes.Contains(t, StringComparer.Ordinal));

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
