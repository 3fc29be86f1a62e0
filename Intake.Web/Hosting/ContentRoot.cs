namespace Intake.Web.Hosting;

/// <summary>
/// Where the application finds its <c>appsettings.json</c> (and, in a published build, <c>wwwroot</c>): the working
/// directory when it has them, as with <c>ops/run.sh</c>; otherwise the directory of the application itself, so that
/// <c>dotnet /opt/intake/Intake.Web.dll</c> started from anywhere still reads its settings and writes its logs.
/// </summary>
public static class ContentRoot
{
    public static WebApplicationOptions For(string[] args) => new()
    {
        Args = args,
        ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            || !File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            ? null
            : AppContext.BaseDirectory,
    };
}
