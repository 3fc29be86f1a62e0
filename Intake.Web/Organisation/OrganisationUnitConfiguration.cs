using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Organisation;

internal sealed class OrganisationUnitConfiguration : IEntityTypeConfiguration<OrganisationUnit>
{
    public void Configure(EntityTypeBuilder<OrganisationUnit> entity)
    {
        entity.ToTable("OrganisationUnits");
        entity.HasKey(u => u.Code);
        entity.Property(u => u.Code).HasMaxLength(64);
    }
}
