using System.Globalization;
using Intake.Web.Cases;
using Microsoft.Extensions.Localization;

namespace Intake.Web.Audit;

/// <summary>
/// An audit entry in words: the event's name (<c>Audit.Kind.{kind}</c>) and its detail with every stored code
/// (status, outcome, origin, category, legal-hold reason, reply purpose, counts, people) said in the reader's
/// language. The stored entry keeps its stable codes: they are part of the hashed record.
/// </summary>
public static class AuditWords
{
    public static string Kind(IStringLocalizer text, string kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Localized(text, "Audit.Kind." + kind, kind);
    }

    /// <summary>The detail in words; <paramref name="names"/> turns a person's id into their name.</summary>
    public static string Detail(IStringLocalizer text, string kind, string? detail, string? channelCode, Func<Guid, string?> names)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(names);
        if (string.IsNullOrEmpty(detail))
        {
            return string.Empty;
        }

        var words = detail.Split([' ', ';', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(token => Token(text, kind, token, channelCode, names));
        return string.Join(", ", words);
    }

    private static string Token(IStringLocalizer text, string kind, string token, string? channelCode, Func<Guid, string?> names)
    {
        if (token.Split('=', 2) is [var key, var value])
        {
            return key switch
            {
                "files" => text["Audit.Detail.Files", value],
                "entries" => text["Audit.Detail.Entries", value],
                "passkeys" => text["Audit.Detail.Passkeys", value],
                "attachments" => text["Audit.Detail.Attachments", value],
                "versions" => text["Audit.Detail.KeyVersions", value.Replace('|', ' ')],
                "identity" => text[value == "included" ? "Audit.Detail.IdentityIncluded" : "Audit.Detail.IdentityWithheld"],
                "measure" => text["Audit.Detail.Measure", value],
                _ => token,
            };
        }

        if (Guid.TryParse(token, out var id))
        {
            return names(id) ?? text["Audit.Detail.File"];
        }

        if (token == "none")
        {
            return text["Audit.Detail.None"];
        }

        if (token.Split(':', 2) is [var head, var tail])
        {
            return kind switch
            {
                AuditKinds.CaseStatusChanged => CaseWords.Status(text, Enum.Parse<CaseStatus>(head)) + ": " + CaseWords.Outcome(text, tail),
                AuditKinds.CaseLegalHold => text[head == "placed" ? "Audit.Detail.HoldPlaced" : "Audit.Detail.HoldLifted", LegalHoldReasons.Label(text, tail)],
                _ => token,
            };
        }

        return kind switch
        {
            AuditKinds.CaseStatusChanged when Enum.TryParse<CaseStatus>(token, out var status) => CaseWords.Status(text, status),
            AuditKinds.CaseReplied when Enum.TryParse<ReplyPurpose>(token, out var purpose) => text["Audit.Detail.Purpose." + purpose],
            AuditKinds.CaseRegistered when Enum.TryParse<CaseOrigin>(token, out var origin) => CaseWords.Origin(text, origin),
            AuditKinds.CaseCategorised when channelCode is not null =>
                string.Join(", ", token.Split('|').Select(code => CaseWords.Category(text, channelCode, code))),
            AuditKinds.CaseTriageChanged => Localized(text, "Audit.Detail.Triage." + token, token),
            AuditKinds.CaseStatutoryChanged => Localized(text, "Audit.Detail.Statutory." + token, token),
            AuditKinds.CaseUrgencyChanged => Localized(text, "Audit.Detail.Urgency." + token, token),
            AuditKinds.CaseReceiptAttached => Localized(text, "Staff.Cases.Receipt.Authority." + token, token),
            AuditKinds.CaseMeasureAdded or AuditKinds.CaseMeasureChanged => Localized(text, "Staff.Cases.Measures.Status." + token, token),
            AuditKinds.AccountCreated or AuditKinds.RoleChanged => Localized(text, "Audit.Detail.Role." + token, token),
            AuditKinds.SignInFailed or AuditKinds.SignInSucceeded or AuditKinds.TotpEnrolled or AuditKinds.PasskeyRegistered
                => Localized(text, "Audit.Detail.SignIn." + token, token),
            AuditKinds.ChannelKeyRotated when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out _) => text["Audit.Detail.KeyVersion", token],
            AuditKinds.OrganisationLogoChanged => Localized(text, "Audit.Detail.Logo." + token, token),
            _ => token,
        };
    }

    /// <summary>The person a detail refers to by id (the new assignee), for the caller to name.</summary>
    public static Guid? PersonIn(string? detail) =>
        detail is not null && Guid.TryParse(detail, out var id) ? id : null;

    private static string Localized(IStringLocalizer text, string key, string fallback)
    {
        var value = text[key];
        return value.ResourceNotFound ? fallback : value.Value;
    }
}
