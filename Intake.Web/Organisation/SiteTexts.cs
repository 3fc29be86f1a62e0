using Intake.Web.Localization;
using Intake.Web.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Organisation;

/// <summary>
/// The administrator's texts in the request's language. A text missing in that language falls back to the
/// default language's; a channel's name and introduction fall back to the built-in wording in the resource files
/// (<c>Channel.{code}.Name</c>, <c>Channel.{code}.Intro</c>), so a new language reads well before anyone edits it.
/// Read once per request: the table holds a handful of rows.
/// </summary>
public sealed class SiteTexts(IntakeDbContext db, IStringLocalizer<SharedResource> text)
{
    private IReadOnlyList<SiteText>? _rows;

    public async Task<string> OrganisationNameAsync(CancellationToken cancellationToken = default) =>
        Pick(await RowsAsync(cancellationToken), SiteTextOwners.Organisation, SiteTextFields.Name) ?? string.Empty;

    public async Task<string> ContactTextAsync(CancellationToken cancellationToken = default) =>
        Pick(await RowsAsync(cancellationToken), SiteTextOwners.Organisation, SiteTextFields.Contact) ?? string.Empty;

    public async Task<string> ChannelNameAsync(string channelCode, CancellationToken cancellationToken = default) =>
        Pick(await RowsAsync(cancellationToken), SiteTextOwners.Channel(channelCode), SiteTextFields.Name)
        ?? text[ChannelDefaults.NameKey(channelCode)];

    public async Task<string> ChannelIntroAsync(string channelCode, CancellationToken cancellationToken = default) =>
        Pick(await RowsAsync(cancellationToken), SiteTextOwners.Channel(channelCode), SiteTextFields.Intro)
        ?? text[ChannelDefaults.IntroKey(channelCode)];

    /// <summary>Every channel's name in the request's language, by code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ChannelNamesAsync(CancellationToken cancellationToken = default)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in Keys.ChannelCodes.All)
        {
            names[code] = await ChannelNameAsync(code, cancellationToken);
        }

        return names;
    }

    /// <summary>The texts as stored, per language, for the administrator's editing page.</summary>
    public async Task<string?> StoredAsync(string owner, string field, Language language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(language);
        return (await RowsAsync(cancellationToken))
            .FirstOrDefault(r => r.Owner == owner && r.Field == field && r.Language == language.Code)?.Value;
    }

    private async Task<IReadOnlyList<SiteText>> RowsAsync(CancellationToken cancellationToken) =>
        _rows ??= await db.SiteTexts.AsNoTracking().ToListAsync(cancellationToken);

    private static string? Pick(IReadOnlyList<SiteText> rows, string owner, string field)
    {
        var current = Languages.Current.Code;
        var fallback = Languages.Default.Code;
        return Value(current) ?? Value(fallback);

        string? Value(string language) =>
            rows.FirstOrDefault(r => r.Owner == owner && r.Field == field && r.Language == language && r.Value.Length > 0)?.Value;
    }
}
