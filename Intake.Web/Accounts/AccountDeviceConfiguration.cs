using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Accounts;

internal sealed class AccountDeviceConfiguration : IEntityTypeConfiguration<AccountDevice>
{
    public void Configure(EntityTypeBuilder<AccountDevice> entity)
    {
        entity.ToTable("KnownDevices");
        entity.HasKey(d => d.Id);
        entity.Property(d => d.Id).ValueGeneratedNever();
        entity.Property(d => d.TokenHash).HasMaxLength(32).IsRequired();
        entity.HasIndex(d => new { d.StaffUserId, d.TokenHash }).IsUnique();
        entity.HasOne<StaffUser>().WithMany().HasForeignKey(d => d.StaffUserId).OnDelete(DeleteBehavior.Cascade);
    }
}
