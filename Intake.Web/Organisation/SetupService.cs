using Intake.Crypto.Age;
using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Localization;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Organisation;

/// <summary>
/// Creates the organisation once: the administrator, the handlers, both channels with their first key wrapped to
/// their handlers and to a fresh recovery identity. The recovery identity is returned to the caller to show or
/// write once; it is never stored. Every account gets a one-time activation code instead of a passphrase: whoever
/// runs set-up never learns anyone's passphrase (<see cref="AccountActivation"/>). Used by the web wizard and by
/// <c>setup --from FILE.json</c>.
/// </summary>
public sealed class SetupService(IntakeDbContext db, AccountActivation activation, ChannelKeys channelKeys, AuditLog audit, UnitOfWork work, TimeProvider clock)
{
    public Task<bool> IsSetUpAsync(CancellationToken cancellationToken = default) => db.Organisation.AnyAsync(cancellationToken);

    /// <summary>Checks the plan; returns every problem as a (field, message key) pair, empty when it is good.</summary>
    public static IReadOnlyList<SetupProblem> Validate(SetupPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var problems = new List<SetupProblem>();
        if (string.IsNullOrWhiteSpace(plan.OrganisationName))
        {
            problems.Add(new("OrganisationName", "Setup.Error.OrganisationName"));
        }

        CheckLanguages(plan.ContactText, "ContactText", problems);
        CheckAccount(plan.Administrator, "Administrator", problems);
        foreach (var code in ChannelCodes.All)
        {
            var channel = plan.Channels.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
            if (channel is null || channel.Handlers.Count == 0)
            {
                problems.Add(new($"Channels[{code}]", "Setup.Error.ChannelNeedsHandler"));
                continue;
            }

            CheckLanguages(channel.Name, $"Channels[{code}].Name", problems);
            CheckLanguages(channel.Intro, $"Channels[{code}].Intro", problems);
            foreach (var handler in channel.Handlers)
            {
                CheckAccount(handler, $"Channels[{code}].Handlers", problems);
            }
        }

        for (var i = 0; i < plan.Statistics.Count; i++)
        {
            CheckAccount(plan.Statistics[i], $"Statistics[{i}]", problems);
        }

        var unknown = plan.Channels.Where(c => !ChannelCodes.All.Contains(c.Code)).Select(c => c.Code);
        problems.AddRange(unknown.Select(c => new SetupProblem($"Channels[{c}]", "Setup.Error.UnknownChannel")));
        var handlerNames = plan.Channels.SelectMany(c => c.Handlers).Select(h => StaffUsernames.Normalize(h.Username)).ToHashSet(StringComparer.Ordinal);
        if (handlerNames.Contains(StaffUsernames.Normalize(plan.Administrator.Username)))
        {
            problems.Add(new("Administrator.Username", "Setup.Error.AdministratorIsHandler"));
        }

        var statisticsNames = plan.Statistics.Select(s => StaffUsernames.Normalize(s.Username)).ToList();
        if (statisticsNames.Distinct(StringComparer.Ordinal).Count() != statisticsNames.Count
            || statisticsNames.Any(n => handlerNames.Contains(n) || n == StaffUsernames.Normalize(plan.Administrator.Username)))
        {
            problems.Add(new("Statistics", "Setup.Error.StatisticsAccountTaken"));
        }

        return problems;
    }

    /// <summary>
    /// Creates everything in one transaction and returns the recovery identity (the caller disposes it) and the
    /// activation codes by username.
    /// </summary>
    public async Task<SetupOutcome> ExecuteAsync(SetupPlan plan, CancellationToken cancellationToken = default)
    {
        var recovery = AgeKeys.Generate();
        try
        {
            return await ExecuteAsync(plan, recovery, cancellationToken);
        }
        catch
        {
            recovery.Dispose();
            throw;
        }
    }

    /// <summary>Set-up with a recovery identity the caller generated, showed and had confirmed (the web wizard).</summary>
    public async Task<SetupOutcome> ExecuteAsync(SetupPlan plan, IKeyIdentity recovery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(plan);
        if (Validate(plan).Count > 0)
        {
            throw new InvalidOperationException("The set-up plan is not valid.");
        }

        if (await IsSetUpAsync(cancellationToken))
        {
            throw new SetupAlreadyDoneException();
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        {
            db.Organisation.Add(new OrganisationProfile
            {
                RecoveryRecipient = AgeKeys.Encode(recovery.PublicRecipient),
                SetUpOn = today,
            });
            db.SiteTexts.Add(new SiteText
            {
                Owner = SiteTextOwners.Organisation,
                Field = SiteTextFields.Name,
                Language = Languages.Default.Code,
                Value = plan.OrganisationName.Trim(),
            });
            AddTexts(SiteTextOwners.Organisation, SiteTextFields.Contact, plan.ContactText);
            var administrator = CreateAccount(plan.Administrator, StaffRole.Administrator, today, codes);
            var handlers = new Dictionary<string, StaffUser>(StringComparer.Ordinal);
            foreach (var channelPlan in plan.Channels)
            {
                var members = channelPlan.Handlers
                    .Select(h => handlers.TryGetValue(StaffUsernames.Normalize(h.Username), out var known)
                        ? known
                        : handlers[StaffUsernames.Normalize(h.Username)] = CreateAccount(h, StaffRole.Handler, today, codes))
                    .Distinct().ToList();
                var channel = new Channel { Id = Guid.NewGuid(), Code = channelPlan.Code };
                db.Channels.Add(channel);
                AddTexts(SiteTextOwners.Channel(channel.Code), SiteTextFields.Name, channelPlan.Name);
                AddTexts(SiteTextOwners.Channel(channel.Code), SiteTextFields.Intro, channelPlan.Intro);
                channelKeys.CreateFirstKey(channel, members, AgeKeys.Encode(recovery.PublicRecipient));
            }

            foreach (var account in plan.Statistics)
            {
                CreateAccount(account, StaffRole.Statistics, today, codes);
            }

            audit.Record(AuditKinds.SetupCompleted, administrator.Id);
            await work.SaveAsync(cancellationToken);
            return new SetupOutcome(recovery, codes);
        }
    }

    private StaffUser CreateAccount(AccountPlan plan, StaffRole role, DateOnly today, Dictionary<string, string> codes)
    {
        var username = StaffUsernames.Normalize(plan.Username);
        var user = new StaffUser
        {
            Id = Guid.NewGuid(),
            Username = username,
            DisplayName = string.IsNullOrWhiteSpace(plan.DisplayName) ? username : plan.DisplayName.Trim(),
            Role = role,
            CreatedOn = today,
        };
        codes[username] = activation.Issue(user);
        db.StaffUsers.Add(user);
        if (Notifications.MailAddresses.Normalise(plan.Email) is { } address)
        {
            db.NotificationProfiles.Add(Notifications.NotificationSettings.Provisioned(user.Id, address));
        }

        return user;
    }

    private static void CheckAccount(AccountPlan account, string field, List<SetupProblem> problems)
    {
        if (!StaffUsernames.IsValid(account.Username))
        {
            problems.Add(new(field + ".Username", "Account.Error.Username"));
        }

        // Each person sets their own passphrase when activating: set-up takes none, so no one else knows it.
        if (!string.IsNullOrEmpty(account.Passphrase))
        {
            problems.Add(new(field + ".Passphrase", "Setup.Error.NoPassphrase"));
        }

        if (!string.IsNullOrWhiteSpace(account.Email) && Notifications.MailAddresses.Normalise(account.Email) is null)
        {
            problems.Add(new(field + ".Email", "Notifications.Error.InvalidAddress"));
        }
    }

    private void AddTexts(string owner, string field, IReadOnlyDictionary<string, string> byLanguage)
    {
        foreach (var (language, value) in byLanguage.Where(t => !string.IsNullOrWhiteSpace(t.Value)))
        {
            db.SiteTexts.Add(new SiteText { Owner = owner, Field = field, Language = Languages.Find(language)!.Code, Value = value.Trim() });
        }
    }

    private static void CheckLanguages(IReadOnlyDictionary<string, string> byLanguage, string field, List<SetupProblem> problems) =>
        problems.AddRange(byLanguage.Keys.Where(code => Languages.Find(code) is null)
            .Select(code => new SetupProblem($"{field}[{code}]", "Setup.Error.UnknownLanguage")));
}

public sealed record SetupProblem(string Field, string MessageKey);

/// <summary>The recovery identity (show once, then dispose) and each account's one-time activation code.</summary>
public sealed record SetupOutcome(IKeyIdentity RecoveryIdentity, IReadOnlyDictionary<string, string> ActivationCodes);

public sealed class SetupAlreadyDoneException : InvalidOperationException
{
    public SetupAlreadyDoneException()
        : base("This instance is already set up; set-up changes nothing.")
    {
    }

    public SetupAlreadyDoneException(string message)
        : base(message)
    {
    }

    public SetupAlreadyDoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
