using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Organisation;

internal sealed class OrganisationLogoConfiguration : IEntityTypeConfiguration<OrganisationLogo>
{
    public void Configure(EntityTypeBuilder<OrganisationLogo> entity)
    {
        entity.ToTable("OrganisationLogo");
        entity.HasKey(l => l.Id);
        entity.Property(l => l.Id).ValueGeneratedNever();
        entity.Property(l => l.ContentType).HasMaxLength(32).IsRequired();
        entity.Property(l => l.Content).IsRequired();
    }
}
