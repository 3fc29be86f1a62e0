using Intake.Web.Audit;
using Intake.Web.Storage;

namespace Intake.Web.Commands;

/// <summary>
/// Operator commands: <c>setup --from FILE.json</c> and <c>audit verify</c>. They print to standard output and
/// return a process exit code (0 success, 1 refused or failed, 2 usage).
/// </summary>
public static class IntakeCommands
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "setup" or "audit";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        await DatabaseInitializer.InitializeAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var output = Console.Out;
        switch (Words(args))
        {
            case ["setup", "--from", var file]:
                return await SetupCommand.RunAsync(scope.ServiceProvider, file, output);
            case ["audit", "verify"]:
                return await VerifyAuditAsync(scope.ServiceProvider, output);
            default:
                await output.WriteLineAsync("Usage: setup --from FILE.json | audit verify");
                return 2;
        }
    }

    /// <summary>The command's own words, without configuration switches (<c>--Intake:DataDirectory=…</c>).</summary>
    internal static string[] Words(string[] args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--from")
            {
                words.Add(args[i]);
                if (i + 1 < args.Length)
                {
                    words.Add(args[++i]);
                }
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                i += args[i].Contains('=', StringComparison.Ordinal) ? 0 : 1;
            }
            else
            {
                words.Add(args[i]);
            }
        }

        return [.. words];
    }

    /// <summary><c>audit verify</c>: 0 when the chain is intact, 1 with the first broken entry otherwise.</summary>
    public static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        var result = await services.GetRequiredService<AuditLog>().VerifyAsync();
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"Audit chain intact: {result.VerifiedEntries} entries verified.");
            return 0;
        }

        await output.WriteLineAsync(
            $"Audit chain BROKEN at entry {result.BrokenAt}: {result.Reason}. {result.VerifiedEntries} entries before it verified.");
        return 1;
    }
}
