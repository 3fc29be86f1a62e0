using Intake.Web.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Accounts;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> entity)
    {
        entity.ToTable("StaffUsers");
        entity.HasKey(u => u.Id);
        entity.Property(u => u.Id).ValueGeneratedNever();
        entity.Property(u => u.Username).HasMaxLength(64).IsRequired();
        entity.HasIndex(u => u.Username).IsUnique();
        entity.Property(u => u.DisplayName).HasMaxLength(128).IsRequired();
        entity.Property(u => u.Recipient).HasMaxLength(AgeRecipients.MaxLength).IsRequired();
        entity.Property(u => u.SealedIdentity).IsRequired();
        entity.Ignore(u => u.TotpEnrolled);
        entity.Ignore(u => u.IsActivated);
        entity.Ignore(u => u.IssuedOn);
    }
}
