using System.Globalization;

namespace Intake.Web.Localization;

/// <summary>
/// Picks the Swedish or English version of a prose partial (<c>_Landing.sv.cshtml</c>, <c>_Landing.en.cshtml</c>).
/// Long explanatory text is kept as whole paragraphs per language, which reads better for translators and
/// reviewers than hundreds of resource keys; short interface strings use <see cref="SharedResource"/>.
/// </summary>
public static class LocalizedPartial
{
    public static string Name(string baseName) =>
        baseName + (Languages.IsEnglish(CultureInfo.CurrentUICulture) ? ".en" : ".sv");
}
