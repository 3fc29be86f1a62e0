using Intake.Web.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Organisation;

internal sealed class OrganisationProfileConfiguration : IEntityTypeConfiguration<OrganisationProfile>
{
    public void Configure(EntityTypeBuilder<OrganisationProfile> entity)
    {
        entity.ToTable("Organisation");
        entity.HasKey(o => o.Id);
        entity.Property(o => o.Id).ValueGeneratedNever();
        entity.Property(o => o.RecoveryRecipient).HasMaxLength(AgeRecipients.MaxLength).IsRequired();
    }
}
