using Intake.Web.Audit;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Organisation;

/// <summary>The organisation's logo: replaced or removed by the administrator (audited), served by Intake itself.</summary>
public sealed class OrganisationLogos(IntakeDbContext db, AuditLog audit, UnitOfWork work)
{
    private Guid? _version;
    private bool _versionRead;

    /// <summary>The current logo's version, for its address; null when there is none. Read once per request.</summary>
    public async Task<Guid?> VersionAsync(CancellationToken cancellationToken = default)
    {
        if (!_versionRead)
        {
            _version = await db.OrganisationLogo.AsNoTracking()
                .Where(l => l.Id == OrganisationLogo.SingletonId).Select(l => (Guid?)l.Version).SingleOrDefaultAsync(cancellationToken);
            _versionRead = true;
        }

        return _version;
    }

    public Task<OrganisationLogo?> FindAsync(Guid version, CancellationToken cancellationToken = default) =>
        db.OrganisationLogo.AsNoTracking().FirstOrDefaultAsync(l => l.Version == version, cancellationToken);

    /// <summary>Sanitises and stores a new logo; returns the resource key of the problem, or null when saved.</summary>
    public async Task<string?> ReplaceAsync(ReadOnlyMemory<byte> upload, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var (contentType, content, error) = LogoRules.Sanitize(upload.Span);
        if (error is not null)
        {
            return error;
        }

        var logo = await db.OrganisationLogo.FindAsync([OrganisationLogo.SingletonId], cancellationToken);
        if (logo is null)
        {
            logo = new OrganisationLogo();
            db.OrganisationLogo.Add(logo);
        }

        logo.ContentType = contentType!;
        logo.Content = content!;
        logo.Version = Guid.NewGuid();
        audit.Record(AuditKinds.OrganisationLogoChanged, actorId, detail: contentType);
        await work.SaveAsync(cancellationToken);
        return null;
    }

    public async Task RemoveAsync(Guid? actorId, CancellationToken cancellationToken = default)
    {
        var logo = await db.OrganisationLogo.FindAsync([OrganisationLogo.SingletonId], cancellationToken);
        if (logo is not null)
        {
            db.OrganisationLogo.Remove(logo);
            audit.Record(AuditKinds.OrganisationLogoChanged, actorId, detail: "removed");
            await work.SaveAsync(cancellationToken);
        }
    }
}
