using System.Globalization;
using System.Resources;

namespace Intake.Web.Commands;

/// <summary>The English text of a shared resource key, for command-line output.</summary>
public static class SetupMessages
{
    private static readonly ResourceManager _resources =
        new("Intake.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string English(string key) =>
        _resources.GetString(key, CultureInfo.GetCultureInfo("en")) ?? key;
}
