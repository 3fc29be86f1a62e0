using Intake.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Notifications;

internal sealed class NotificationProfileConfiguration : IEntityTypeConfiguration<NotificationProfile>
{
    public void Configure(EntityTypeBuilder<NotificationProfile> entity)
    {
        entity.ToTable("NotificationProfiles");
        entity.HasKey(p => p.StaffUserId);
        entity.Property(p => p.StaffUserId).ValueGeneratedNever();
        entity.Property(p => p.Email).HasMaxLength(254);
        entity.Property(p => p.PendingEmail).HasMaxLength(254);
        entity.Property(p => p.PendingTokenHash).HasMaxLength(32);
        entity.Property(p => p.Language).HasMaxLength(8).IsRequired();
        entity.HasOne<StaffUser>().WithOne().HasForeignKey<NotificationProfile>(p => p.StaffUserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxNoticeConfiguration : IEntityTypeConfiguration<OutboxNotice>
{
    public void Configure(EntityTypeBuilder<OutboxNotice> entity)
    {
        entity.ToTable("NotificationOutbox");
        entity.HasKey(n => n.Id);
        entity.Property(n => n.Id).ValueGeneratedNever();
        entity.Property(n => n.Kind).HasMaxLength(64).IsRequired();
        entity.Property(n => n.DedupeKey).HasMaxLength(160);
        entity.Property(n => n.LastError).HasMaxLength(128);
        // Settling a claimed notice only succeeds while the claim is still ours.
        entity.Property(n => n.ClaimToken).IsConcurrencyToken();
        entity.HasIndex(n => n.DedupeKey).IsUnique();
        // The sender's look-up: waiting notices by the time they fall due.
        entity.HasIndex(n => new { n.State, n.DueAtMs });
        entity.HasIndex(n => new { n.RecipientId, n.State });
        entity.HasOne<StaffUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
    }
}
