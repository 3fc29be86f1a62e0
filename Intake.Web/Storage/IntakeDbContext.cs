using Intake.Web.Accounts;
using Intake.Web.Audit;
using Intake.Web.Cases;
using Intake.Web.Keys;
using Intake.Web.Notifications;
using Intake.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage;

/// <summary>
/// The relational store. It holds only what triage needs without keys (see docs/architecture.md): never a
/// name, free text, an IP address or a user agent. Sealed content lives in age files.
/// The same model runs on every engine (<see cref="DatabaseProvider"/>); each engine has its own context type only
/// so that its migrations are its own (SQLite's in Storage/Migrations, PostgreSQL's in Storage/PostgresMigrations).
/// </summary>
public class IntakeDbContext : DbContext
{
    public IntakeDbContext(DbContextOptions<IntakeDbContext> options)
        : base(options)
    {
    }

    /// <summary>For an engine's own context type, which shares this model.</summary>
    protected IntakeDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<InstanceInfo> Instance => Set<InstanceInfo>();

    public DbSet<OrganisationProfile> Organisation => Set<OrganisationProfile>();

    public DbSet<SiteText> SiteTexts => Set<SiteText>();

    public DbSet<OrganisationLogo> OrganisationLogo => Set<OrganisationLogo>();

    public DbSet<StaffUser> StaffUsers => Set<StaffUser>();

    public DbSet<AccountDevice> KnownDevices => Set<AccountDevice>();

    public DbSet<Accounts.Passkeys.StaffPasskey> StaffPasskeys => Set<Accounts.Passkeys.StaffPasskey>();

    public DbSet<Channel> Channels => Set<Channel>();

    public DbSet<ChannelKey> ChannelKeys => Set<ChannelKey>();

    public DbSet<ChannelKeyWrap> ChannelKeyWraps => Set<ChannelKeyWrap>();

    public DbSet<ChannelMembership> ChannelMemberships => Set<ChannelMembership>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<CaseRecord> Cases => Set<CaseRecord>();

    public DbSet<CaseEntry> CaseEntries => Set<CaseEntry>();

    public DbSet<CaseAttachment> CaseAttachments => Set<CaseAttachment>();

    public DbSet<CaseMeasure> CaseMeasures => Set<CaseMeasure>();

    public DbSet<OrganisationUnit> OrganisationUnits => Set<OrganisationUnit>();

    public DbSet<NotificationProfile> NotificationProfiles => Set<NotificationProfile>();

    public DbSet<OutboxNotice> Outbox => Set<OutboxNotice>();

    public DbSet<JobRun> JobRuns => Set<JobRun>();

    /// <summary>The shared limits on a database server (empty on SQLite, where they are kept in memory).</summary>
    public DbSet<Limits.SharedLimitEntry> SharedLimits => Set<Limits.SharedLimitEntry>();

    public DbSet<Keys.Sessions.StaffSession> StaffSessions => Set<Keys.Sessions.StaffSession>();

    /// <summary>Refuses audit entries that did not pass through <see cref="UnitOfWork"/>, which links them into the chain.</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added && e.Entity.Mac is null))
        {
            throw new InvalidOperationException("Audit entries are saved through UnitOfWork.SaveAsync.");
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save asynchronously, through UnitOfWork.SaveAsync.");

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<InstanceInfo>(entity =>
        {
            entity.ToTable("Instance");
            entity.HasKey(i => i.Id);
            entity.Property(i => i.Id).ValueGeneratedNever();
            entity.Property(i => i.InstanceId).IsRequired();
            entity.HasIndex(i => i.InstanceId).IsUnique();
        });
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IntakeDbContext).Assembly);
    }
}
