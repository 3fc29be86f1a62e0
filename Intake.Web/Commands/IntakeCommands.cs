using Intake.Web.Audit;
using Intake.Web.Storage;

namespace Intake.Web.Commands;

/// <summary>
/// Operator commands: <c>setup --from FILE.json</c>, <c>audit verify [--expect-head HASH:COUNT]</c>,
/// <c>audit head</c>, <c>audit seal-legacy</c>, <c>backup --to FILE</c> and <c>restore --from FILE --identity FILE</c>.
/// They print to standard output and return a process exit code (0 success, 1 refused or failed, 2 usage).
/// </summary>
public static class IntakeCommands
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "setup" or "audit" or "backup" or "restore";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var output = Console.Out;
        if (Words(args) is ["restore", "--from", var backup, "--identity", var identity])
        {
            // Before the database is opened, which would create an empty one.
            return await BackupCommands.RestoreAsync(app.Services, backup, identity, output);
        }

        await DatabaseInitializer.InitializeAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        switch (Words(args))
        {
            case ["backup", "--to", var file]:
                return await BackupCommands.BackupAsync(scope.ServiceProvider, file, output);
            case ["setup", "--from", var file]:
                return await SetupCommand.RunAsync(scope.ServiceProvider, file, output);
            case ["audit", "verify"]:
                return await VerifyAuditAsync(scope.ServiceProvider, output);
            case ["audit", "verify", "--expect-head", var head]:
                return await VerifyAuditAsync(scope.ServiceProvider, output, head);
            case ["audit", "seal-legacy"]:
                await output.WriteLineAsync(await scope.ServiceProvider.GetRequiredService<AuditLog>().SealLegacyAsync());
                return 0;
            case ["audit", "head"]:
                var current = await scope.ServiceProvider.GetRequiredService<AuditLog>().HeadAsync();
                await output.WriteLineAsync(current?.ToString() ?? "The audit log is empty.");
                return 0;
            default:
                await output.WriteLineAsync("Usage: setup --from FILE.json | audit verify [--expect-head HASH:COUNT] | audit head | audit seal-legacy | backup --to FILE | restore --from FILE --identity FILE");
                return 2;
        }
    }

    /// <summary>The command's own words, without configuration switches (<c>--Intake:DataDirectory=…</c>).</summary>
    internal static string[] Words(string[] args)
    {
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--from" or "--expect-head" or "--to" or "--identity")
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

    /// <summary>
    /// <c>audit verify</c>: 0 when the chain is intact (and, with <paramref name="expectedHead"/>, still holds the
    /// anchored head at its count), 1 with the first broken entry otherwise, 2 for a head that does not parse.
    /// </summary>
    public static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output, string? expectedHead = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        AuditHead? expected = null;
        if (expectedHead is not null && (expected = AuditHead.Parse(expectedHead)) is null)
        {
            await output.WriteLineAsync("--expect-head takes HASH:COUNT as shown on /Staff/Audit (64 hex digits, a colon, a number).");
            return 2;
        }

        var log = services.GetRequiredService<AuditLog>();
        var result = await log.VerifyAsync(expected);
        if (result.IsIntact)
        {
            await output.WriteLineAsync($"Audit chain intact: {result.VerifiedEntries} entries verified.");
            if (expected is not null)
            {
                await output.WriteLineAsync($"The anchored head {expected} is in the chain.");
            }

            await output.WriteLineAsync($"Head: {await log.HeadAsync()}");
            return 0;
        }

        await output.WriteLineAsync(
            $"Audit chain BROKEN at entry {result.BrokenAt}: {result.Reason}. {result.VerifiedEntries} entries before it verified.");
        return 1;
    }
}
