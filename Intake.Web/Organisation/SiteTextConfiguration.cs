using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Intake.Web.Organisation;

internal sealed class SiteTextConfiguration : IEntityTypeConfiguration<SiteText>
{
    public void Configure(EntityTypeBuilder<SiteText> entity)
    {
        entity.ToTable("SiteTexts");
        entity.HasKey(t => new { t.Owner, t.Field, t.Language });
        entity.Property(t => t.Owner).HasMaxLength(64);
        entity.Property(t => t.Field).HasMaxLength(32);
        entity.Property(t => t.Language).HasMaxLength(16);
        entity.Property(t => t.Value).HasMaxLength(4000).IsRequired();
    }
}
