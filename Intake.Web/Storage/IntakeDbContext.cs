using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage;

/// <summary>
/// The relational store. It holds only what triage needs without keys (see docs/architecture.md): never a
/// name, free text, an IP address or a user agent. Sealed content lives in age files.
/// </summary>
public sealed class IntakeDbContext(DbContextOptions<IntakeDbContext> options) : DbContext(options)
{
    public DbSet<InstanceInfo> Instance => Set<InstanceInfo>();

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
    }
}
