using System.Globalization;
using System.Text;
using Intake.Web.Localization;
using Intake.Web.Templates;

namespace Intake.Web.Cases;

/// <summary>
/// The <c>how-to-open.txt</c> of an export bundle: the <c>export-how-to-open</c> template in every supported
/// language, one after the other, since whoever opens the bundle years later may read any of them.
/// </summary>
public static class ExportInstructions
{
    public const string Template = "export-how-to-open";

    public static string Text(ExportPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var example = plan.Entries.FirstOrDefault(e => e.File is not null)?.File?.ZipName ?? "entries/0001-report.age";
        var versions = string.Join(", ", plan.Files.Select(f => f.KeyVersion).OfType<int>().Distinct().Order()
            .Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["channel"] = plan.ChannelCode,
            ["example"] = example,
            ["exampleName"] = Path.GetFileNameWithoutExtension(example),
            ["versions"] = versions,
        };
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{plan.Record.CaseNumber} ({plan.ChannelCode}), {plan.ExportedOn:yyyy-MM-dd}\n");
        foreach (var language in Languages.Supported.Where(l => TextTemplates.Raw(Template, l) is not null))
        {
            text.Append('\n').Append(TextTemplates.Render(Template, language, values));
        }

        return text.ToString();
    }
}
