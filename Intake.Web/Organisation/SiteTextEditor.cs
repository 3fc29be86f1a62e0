using Intake.Web.Audit;
using Intake.Web.Localization;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Organisation;

/// <summary>
/// Saves the administrator's texts of one owner (the organisation or a channel), per field and language. An empty
/// text removes the row, so the built-in wording or the default language's text shows again. Audited.
/// </summary>
public sealed class SiteTextEditor(IntakeDbContext db, AuditLog audit, UnitOfWork work)
{
    public const int MaxLength = 4000;

    /// <summary>Replaces the owner's texts of the given fields; languages not supported are ignored.</summary>
    public async Task SaveAsync(
        string owner, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> fields, Guid? actorId, Guid? channelId,
        string auditKind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var stored = await db.SiteTexts.Where(t => t.Owner == owner).ToListAsync(cancellationToken);
        foreach (var (field, byLanguage) in fields)
        {
            foreach (var language in Languages.Supported)
            {
                var value = byLanguage.GetValueOrDefault(language.Code)?.Trim() ?? string.Empty;
                if (value.Length > MaxLength)
                {
                    value = value[..MaxLength];
                }

                var row = stored.FirstOrDefault(t => t.Field == field && t.Language == language.Code);
                if (value.Length == 0)
                {
                    if (row is not null)
                    {
                        db.SiteTexts.Remove(row);
                    }
                }
                else if (row is null)
                {
                    db.SiteTexts.Add(new SiteText { Owner = owner, Field = field, Language = language.Code, Value = value });
                }
                else
                {
                    row.Value = value;
                }
            }
        }

        audit.Record(auditKind, actorId, channelId: channelId);
        await work.SaveAsync(cancellationToken);
    }
}
