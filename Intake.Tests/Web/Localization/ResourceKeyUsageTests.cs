using System.Text.RegularExpressions;
using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Channels;
using Intake.Web.Keys;
using Intake.Web.Localization;
using Intake.Web.Organisation;
using Intake.Web.Reporting.Forms;

namespace Intake.Tests.Web.Localization;

/// <summary>
/// Every key the code asks for is defined: a typo or a forgotten resource would otherwise show the raw key to a
/// reporter. Literal keys are found in the source; keys built from codes (form fields, enums) are listed here.
/// </summary>
public sealed partial class ResourceKeyUsageTests
{
    private static readonly IReadOnlyDictionary<string, string> _defined = ResourceFiles.Read(Languages.Default);

    [Fact]
    public void EveryLiteralKeyInCodeAndViews_IsDefined()
    {
        // A literal counts as a key when its first segment is the first segment of some defined key.
        var areas = _defined.Keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var found = 0;
        var undefined = new List<string>();
        foreach (var file in ResourceFiles.SourceFiles())
        {
            foreach (Match match in KeyLiteral().Matches(File.ReadAllText(file)))
            {
                var key = match.Groups[1].Value;
                if (!areas.Contains(key.Split('.')[0]) || key.EndsWith('.'))
                {
                    continue;
                }

                found++;
                if (!_defined.ContainsKey(key))
                {
                    undefined.Add($"{Path.GetRelativePath(ResourceFiles.WebRoot, file)}: {key}");
                }
            }
        }

        Assert.True(found > 500, $"Only {found} keys found: the scan no longer sees how the code names its texts.");
        Assert.True(undefined.Count == 0, "Undefined keys:\n" + string.Join("\n", undefined));
    }

    public static TheoryData<string> FormKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var key in ReportForms.All.SelectMany(form => form.Sections)
            .SelectMany(section => new[] { section.Key }.Concat(section.Fields.SelectMany(FieldKeys))).Distinct())
        {
            keys.Add(key);
        }

        return keys;

        static IEnumerable<string> FieldKeys(FormField field) =>
            new[] { field.Key }.Concat(field.HasHint ? [field.HintKey] : []).Concat(field.Choices.Select(field.OptionKey));
    }

    [Theory]
    [MemberData(nameof(FormKeys))]
    public void EveryFormText_IsDefined(string key) => Assert.True(_defined.ContainsKey(key), key);

    [Fact]
    public void KeysBuiltFromCodes_AreDefined()
    {
        var keys = Enum.GetNames<KeyOperationError>().Select(e => "Key.Error." + e)
            .Concat(Enum.GetNames<PassphraseProblem>().Select(p => "Passphrase.Error." + p))
            .Concat(CaseReplyTemplates.All.Select(t => "Staff.Cases.DetailsWrite.Template." + t.Name))
            .Concat(typeof(DeadlineKinds).GetFields().Where(f => f.IsLiteral).Select(f => "CaseWords.Deadline." + (string)f.GetRawConstantValue()!))
            .Concat(Enum.GetNames<MeasureStatus>().Select(s => "Staff.Cases.Measures.Status." + s))
            .Concat(StatutoryReasons.All.Select(r => "Staff.Cases.Statutory.Reason." + r))
            .Concat(StatutoryReasons.All.Select(r => "Audit.Detail.Statutory.reason-" + r))
            .Concat(new[] { CaseStatutoryReports.DecisionMissing, CaseStatutoryReports.WorkEnvironmentReportMissing, CaseStatutoryReports.SocialInsuranceReportMissing, CaseStatutoryReports.MeasuresOpen }
                .Select(c => "Staff.Cases.CloseGuard." + c))
            .Concat(ChannelKinds.All.Select(k => k.ReceiptTextKey))
            .Concat(ChannelCodes.All.SelectMany(c => new[] { ChannelDefaults.NameKey(c), ChannelDefaults.IntroKey(c) }))
            .Concat(typeof(AuditKinds).GetFields().Where(f => f.IsLiteral).Select(f => "Audit.Kind." + (string)f.GetRawConstantValue()!))
            .Concat(Enum.GetNames<ReplyPurpose>().Select(p => "Audit.Detail.Purpose." + p));

        Assert.All(keys, key => Assert.True(_defined.ContainsKey(key), key));
    }

    [Fact]
    public void HandlerWordings_BelongToAReporterWording()
    {
        var orphans = _defined.Keys.Where(k => k.StartsWith("Form.", StringComparison.Ordinal) && k.EndsWith(".Handler", StringComparison.Ordinal)
            && !_defined.ContainsKey(k[..^".Handler".Length]));

        Assert.Empty(orphans);
    }

    [GeneratedRegex(@"""([A-Z][A-Za-z0-9]*(?:\.[A-Za-z0-9][A-Za-z0-9-]*)+\.?)""")]
    private static partial Regex KeyLiteral();
}
