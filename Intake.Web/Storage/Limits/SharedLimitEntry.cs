using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Storage.Limits;

/// <summary>
/// One shared limit in the database (<see cref="PostgresSharedLimits"/>; SQLite keeps them in memory and leaves the
/// table empty): a bucket (<see cref="Amount"/> tokens at <see cref="Moment"/>), a failure count (<see cref="Amount"/>
/// failures, blocked until <see cref="Moment"/>), a used key, or a value kept to be taken once (<see cref="Value"/>).
/// <see cref="Key"/> is a keyed hash; times are Unix milliseconds. A row past <see cref="ExpiresAt"/> means what no
/// row means (a full bucket, no failures, unused) and is swept.
/// </summary>
public sealed class SharedLimitEntry
{
    public string Key { get; set; } = string.Empty;

    public double Amount { get; set; }

    public long Moment { get; set; }

    public long ExpiresAt { get; set; }

    public string? Value { get; set; }
}

internal sealed class SharedLimitEntryConfiguration : IEntityTypeConfiguration<SharedLimitEntry>
{
    public void Configure(EntityTypeBuilder<SharedLimitEntry> entity)
    {
        entity.ToTable("SharedLimits");
        entity.HasKey(e => e.Key);
        entity.Property(e => e.Key).HasMaxLength(64);
        entity.HasIndex(e => e.ExpiresAt);
    }
}
