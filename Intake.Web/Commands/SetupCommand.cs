using System.Text.Json;
using Intake.Web.Organisation;

namespace Intake.Web.Commands;

/// <summary>
/// <c>setup --from FILE.json</c>: the set-up wizard without a browser. The file names no passphrase: each account's
/// one-time activation code is printed once, for its owner to set their own passphrase. The recovery identity is
/// written to the path the file names (created new, owner read/write only), never to the output, so the key and
/// the codes are never on the same sheet. Against an instance that is already set up it refuses and changes nothing.
/// </summary>
public static class SetupCommand
{
    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,

        // A misspelt or retired member (such as a former per-language field) is an error, not silently ignored.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<int> RunAsync(IServiceProvider services, string file, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        SetupFile? plan;
        try
        {
            await using var stream = File.OpenRead(file);
            plan = await JsonSerializer.DeserializeAsync<SetupFile>(stream, _json);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync($"Cannot read {file}: {ex.Message}");
            return 1;
        }

        if (plan is null || string.IsNullOrWhiteSpace(plan.RecoveryIdentityPath))
        {
            await output.WriteLineAsync("The set-up file must name recoveryIdentityPath (where the recovery identity is written).");
            return 1;
        }

        var setup = services.GetRequiredService<SetupService>();
        if (await setup.IsSetUpAsync())
        {
            await output.WriteLineAsync("This instance is already set up. Nothing was changed.");
            return 1;
        }

        var problems = SetupService.Validate(plan.ToPlan());
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await output.WriteLineAsync($"{problem.Field}: {SetupMessages.English(problem.MessageKey)}");
            }

            return 1;
        }

        if (File.Exists(plan.RecoveryIdentityPath))
        {
            await output.WriteLineAsync($"{plan.RecoveryIdentityPath} exists already; choose a new path. Nothing was changed.");
            return 1;
        }

        var outcome = await setup.ExecuteAsync(plan.ToPlan());
        using (outcome.RecoveryIdentity)
        {
            await RecoveryFile.WriteAsync(plan.RecoveryIdentityPath, outcome.RecoveryIdentity, plan.OrganisationName);
        }

        services.GetRequiredService<SetupCode>().Retire();
        await output.WriteLineAsync($"Intake is set up for {plan.OrganisationName}.");
        await output.WriteLineAsync($"Recovery identity written to {plan.RecoveryIdentityPath}: print it on a sheet of its own, give it to the person who keeps it (not the administrator; see README, \"The recovery key\"), store it offline, then delete the file.");
        foreach (var (username, activationCode) in outcome.ActivationCodes)
        {
            await output.WriteLineAsync($"Activation code for {username}: {activationCode}");
        }

        await output.WriteLineAsync("These codes are shown only now. Hand each to its owner in person: they activate the account at /Staff/SignIn/Activate, choose their own passphrase and enrol TOTP.");
        return 0;
    }
}

/// <summary>The set-up file: a <see cref="SetupPlan"/> plus where to write the recovery identity.</summary>
public sealed class SetupFile
{
    public string OrganisationName { get; set; } = string.Empty;

    public Dictionary<string, string> ContactText { get; set; } = [];

    public AccountPlan Administrator { get; set; } = new();

    public List<ChannelPlan> Channels { get; set; } = [];

    public List<AccountPlan> Statistics { get; set; } = [];

    public string RecoveryIdentityPath { get; set; } = string.Empty;

    public SetupPlan ToPlan() => new()
    {
        OrganisationName = OrganisationName,
        ContactText = ContactText,
        Administrator = Administrator,
        Channels = Channels,
        Statistics = Statistics,
    };
}
