using Intake.Web.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Keys;

internal sealed class ChannelConfiguration : IEntityTypeConfiguration<Channel>
{
    public void Configure(EntityTypeBuilder<Channel> entity)
    {
        entity.ToTable("Channels");
        entity.HasKey(c => c.Id);
        entity.Property(c => c.Id).ValueGeneratedNever();
        entity.Property(c => c.Code).HasMaxLength(32).IsRequired();
        entity.HasIndex(c => c.Code).IsUnique();
        entity.HasMany(c => c.Keys).WithOne().HasForeignKey(k => k.ChannelId).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelKeyConfiguration : IEntityTypeConfiguration<ChannelKey>
{
    public void Configure(EntityTypeBuilder<ChannelKey> entity)
    {
        entity.ToTable("ChannelKeys");
        entity.HasKey(k => k.Id);
        entity.Property(k => k.Id).ValueGeneratedNever();
        entity.HasIndex(k => new { k.ChannelId, k.Version }).IsUnique();
        entity.Property(k => k.Recipient).HasMaxLength(AgeRecipients.MaxLength).IsRequired();
        entity.HasMany(k => k.Wraps).WithOne().HasForeignKey(w => w.ChannelKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ChannelKeyWrapConfiguration : IEntityTypeConfiguration<ChannelKeyWrap>
{
    public void Configure(EntityTypeBuilder<ChannelKeyWrap> entity)
    {
        entity.ToTable("ChannelKeyWraps");
        entity.HasKey(w => w.Id);
        entity.Property(w => w.Id).ValueGeneratedNever();
        entity.HasIndex(w => new { w.ChannelKeyId, w.UserId }).IsUnique();
        entity.HasIndex(w => w.UserId);
        entity.HasOne<StaffUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
        entity.Property(w => w.WrappedIdentity).IsRequired();
    }
}

internal sealed class ChannelMembershipConfiguration : IEntityTypeConfiguration<ChannelMembership>
{
    public void Configure(EntityTypeBuilder<ChannelMembership> entity)
    {
        entity.ToTable("ChannelMemberships");
        entity.HasKey(m => new { m.ChannelId, m.UserId });
        entity.HasIndex(m => m.UserId);
        entity.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
