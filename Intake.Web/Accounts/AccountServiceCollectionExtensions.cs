using Intake.Web.Audit;
using Intake.Web.Keys;
using Intake.Web.Organisation;
using Microsoft.Extensions.Options;

namespace Intake.Web.Accounts;

public static class AccountServiceCollectionExtensions
{
    /// <summary>Accounts, keys, set-up and the audit log.</summary>
    public static IServiceCollection AddIntakeAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingletonTimeProvider();
        services.Configure<KeyOptions>(configuration.GetSection(KeyOptions.SectionName));
        services.Configure<SessionOptions>(configuration.GetSection(SessionOptions.SectionName));
        services.Configure<AccountOptions>(configuration.GetSection(AccountOptions.SectionName));
        services.AddSingleton<StaffKeys>();
        services.AddSingleton<TotpCodes>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<Keys.Sessions.OpenedKeyrings>();
        services.AddScoped<Keys.Sessions.StaffSessions>();
        services.AddScoped<UnlockedKeyStore>();
        services.AddScoped<PendingSignIns>();
        services.AddSingleton<DecoySealedIdentity>();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<KeyOptions>>().Value;
            return new SignInLanes(
                new PassphraseWorkLimiter(options.PassphraseConcurrency, options.PassphraseQueueTimeout),
                new PassphraseWorkLimiter(options.KnownDeviceConcurrency, options.KnownDeviceQueueTimeout));
        });
        services.AddSingleton<SignInDevices>();
        services.AddSingleton<SignInGate>();
        services.AddSingleton<RepeatedPosts>();

        // Passphrase work of signed-in staff (changing a passphrase, exporting an identity) uses the reserved lane.
        services.AddSingleton(provider => provider.GetRequiredService<SignInLanes>().Reserved);
        services.AddHostedService<KeySessionSweeper>();
        services.AddSingleton<AuditChain>();
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<Storage.UnitOfWork>();
        services.AddScoped<ChannelKeys>();
        services.AddScoped<PostQuantumUpgrade>();
        services.AddScoped<PersonalKeyUpgrade>();
        services.AddScoped<ChannelDirectory>();
        services.AddScoped<SetupService>();
        services.AddScoped<SiteTexts>();
        services.AddScoped<SiteTextEditor>();
        services.AddScoped<OrganisationUnits>();
        services.AddScoped<OrganisationLogos>();
        services.AddScoped<SignInService>();
        services.AddSingleton<Passkeys.PasskeyRelyingParty>();
        services.AddSingleton<Passkeys.PasskeyCeremonies>();
        services.AddScoped<Passkeys.PasskeyRegistration>();
        services.AddScoped<Passkeys.PasskeySignIn>();
        services.AddScoped<KnownDevices>();
        services.AddScoped<AccountService>();
        services.AddScoped<AccountActivation>();
        services.AddScoped<MembershipImpact>();
        services.AddScoped<AccountReview>();
        services.AddSingleton<SetupCode>();
        services.AddSingleton<PendingSetup>();
        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
