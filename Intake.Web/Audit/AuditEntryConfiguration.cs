using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entity)
    {
        entity.ToTable("AuditEntries");
        entity.HasKey(e => e.Sequence);
        entity.Property(e => e.Sequence).ValueGeneratedNever();
        entity.Property(e => e.Kind).HasMaxLength(64).IsRequired();
        entity.Property(e => e.Detail).HasMaxLength(256);
        entity.Property(e => e.PreviousHash).IsRequired();
        entity.Property(e => e.Hash).IsRequired();
        entity.HasIndex(e => e.SubjectId);
        entity.HasIndex(e => e.ChannelId);
    }
}
