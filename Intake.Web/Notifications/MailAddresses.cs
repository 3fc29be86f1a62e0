using MimeKit;

namespace Intake.Web.Notifications;

/// <summary>Checks an address a person typed: one plain address, no display name, no line breaks, at most 254 characters.</summary>
public static class MailAddresses
{
    public static string? Normalise(string? typed)
    {
        var address = typed?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > 254 || address.Any(char.IsControl) || address.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || !address[(at + 1)..].Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        return MailboxAddress.TryParse(address, out var parsed) && string.IsNullOrEmpty(parsed.Name)
            && string.Equals(parsed.Address, address, StringComparison.Ordinal) ? address : null;
    }
}
