using System.Globalization;

namespace Intake.Web.Localization;

/// <summary>
/// Page copy written in both languages side by side in the view: <c>@L("Logga in", "Sign in")</c>. Keeps the two
/// versions of short staff-page texts together where a reviewer sees both; messages shared between pages and
/// services live in <c>Resources/SharedResource.*.resx</c>.
/// </summary>
public static class Bilingual
{
    public static string L(string swedish, string english) =>
        Languages.IsEnglish(CultureInfo.CurrentUICulture) ? english : swedish;
}
