using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Accounts.Passkeys;

internal sealed class StaffPasskeyConfiguration : IEntityTypeConfiguration<StaffPasskey>
{
    public void Configure(EntityTypeBuilder<StaffPasskey> entity)
    {
        entity.ToTable("StaffPasskeys");
        entity.HasKey(p => p.Id);
        entity.Property(p => p.Id).ValueGeneratedNever();
        entity.Property(p => p.CredentialId).HasMaxLength(1023).IsRequired();
        entity.Property(p => p.PublicKey).IsRequired();
        entity.Property(p => p.Name).HasMaxLength(PasskeyNames.MaxLength).IsRequired();
        entity.Ignore(p => p.UnlocksKey);
        entity.HasIndex(p => p.CredentialId).IsUnique();
        entity.HasIndex(p => p.StaffUserId);
        entity.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.StaffUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
