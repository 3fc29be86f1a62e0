using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Storage;

/// <summary>
/// One background job's schedule, shared by every application node: which node holds the job's lease and until
/// when, and when it last completed. Times are Unix milliseconds, which both engines compare natively.
/// </summary>
public sealed class JobRun
{
    public string Name { get; set; } = string.Empty;

    public string? Holder { get; set; }

    public long LeasedUntil { get; set; }

    public long LastCompleted { get; set; }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> entity)
    {
        entity.ToTable("JobRuns");
        entity.HasKey(j => j.Name);
        entity.Property(j => j.Name).HasMaxLength(64);
        entity.Property(j => j.Holder).HasMaxLength(64);
    }
}
