using System.Globalization;
using Intake.Web.Audit;
using Intake.Web.Localization;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Organisation;

/// <summary>A unit as a form or the case page offers it: its code and its name in the request's language.</summary>
public sealed record UnitChoice(string Code, string Name, bool Retired);

/// <summary>
/// The organisational units the administrator keeps: each a generated code (<c>unit-1</c>, …) and a name per
/// language (<see cref="SiteText"/> rows, owner <c>unit:{code}</c>), offered on the threats form and to handlers.
/// A name missing in a language falls back to the default language's. Changes are audited.
/// </summary>
public sealed class OrganisationUnits(IntakeDbContext db, AuditLog audit)
{
    public const int MaxName = 200;

    public static string Owner(string code) => "unit:" + code;

    /// <summary>Every unit in order, retired ones too (the administrator's list, and a case naming a retired one).</summary>
    public async Task<IReadOnlyList<UnitChoice>> AllAsync(CancellationToken cancellationToken = default)
    {
        var units = await db.OrganisationUnits.AsNoTracking().OrderBy(u => u.Position).ToListAsync(cancellationToken);
        var names = await db.SiteTexts.AsNoTracking().Where(t => t.Owner.StartsWith("unit:")).ToListAsync(cancellationToken);
        return [.. units.Select(u => new UnitChoice(u.Code, Pick(names, u.Code), u.Retired))];
    }

    /// <summary>The units a reporter or handler may choose now.</summary>
    public async Task<IReadOnlyList<UnitChoice>> ActiveAsync(CancellationToken cancellationToken = default) =>
        [.. (await AllAsync(cancellationToken)).Where(u => !u.Retired)];

    public async Task<bool> IsActiveAsync(string code, CancellationToken cancellationToken = default) =>
        await db.OrganisationUnits.AnyAsync(u => u.Code == code && !u.Retired, cancellationToken);

    /// <summary>The stored name of a unit in one language, for editing.</summary>
    public async Task<string?> StoredNameAsync(string code, Language language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(language);
        return await db.SiteTexts.AsNoTracking().Where(t => t.Owner == Owner(code) && t.Field == SiteTextFields.Name && t.Language == language.Code)
            .Select(t => t.Value).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Adds a unit with its names; false when the default language's name is empty.</summary>
    public async Task<bool> AddAsync(IReadOnlyDictionary<string, string?> names, Guid? actorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (string.IsNullOrWhiteSpace(names.GetValueOrDefault(Languages.Default.Code)))
        {
            return false;
        }

        var positions = await db.OrganisationUnits.Select(u => u.Position).ToListAsync(cancellationToken);
        var next = positions.Count == 0 ? 1 : positions.Max() + 1;
        var code = string.Create(CultureInfo.InvariantCulture, $"unit-{next}");
        db.OrganisationUnits.Add(new OrganisationUnit { Code = code, Position = next });
        SetNames(code, names, []);
        await audit.AppendAsync(AuditKinds.OrganisationUnitsChanged, actorId, detail: "added:" + code, cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Renames, retires or restores a unit; false when there is no such unit or the default name is empty.</summary>
    public async Task<bool> UpdateAsync(string code, IReadOnlyDictionary<string, string?> names, bool retired, Guid? actorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        var unit = await db.OrganisationUnits.SingleOrDefaultAsync(u => u.Code == code, cancellationToken);
        if (unit is null || string.IsNullOrWhiteSpace(names.GetValueOrDefault(Languages.Default.Code)))
        {
            return false;
        }

        unit.Retired = retired;
        SetNames(code, names, await db.SiteTexts.Where(t => t.Owner == Owner(code)).ToListAsync(cancellationToken));
        await audit.AppendAsync(AuditKinds.OrganisationUnitsChanged, actorId, detail: (retired ? "retired:" : "changed:") + code, cancellationToken: cancellationToken);
        return true;
    }

    private void SetNames(string code, IReadOnlyDictionary<string, string?> names, List<SiteText> stored)
    {
        foreach (var language in Languages.Supported)
        {
            var value = names.GetValueOrDefault(language.Code)?.Trim() ?? string.Empty;
            value = value.Length > MaxName ? value[..MaxName] : value;
            var row = stored.FirstOrDefault(t => t.Field == SiteTextFields.Name && t.Language == language.Code);
            if (value.Length == 0)
            {
                if (row is not null)
                {
                    db.SiteTexts.Remove(row);
                }
            }
            else if (row is null)
            {
                db.SiteTexts.Add(new SiteText { Owner = Owner(code), Field = SiteTextFields.Name, Language = language.Code, Value = value });
            }
            else
            {
                row.Value = value;
            }
        }
    }

    private static string Pick(IReadOnlyList<SiteText> names, string code)
    {
        string? In(string language) => names.FirstOrDefault(t => t.Owner == Owner(code) && t.Field == SiteTextFields.Name && t.Language == language)?.Value;
        return In(Languages.Current.Code) ?? In(Languages.Default.Code) ?? code;
    }
}
