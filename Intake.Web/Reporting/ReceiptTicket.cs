using System.Text.Json;
using Intake.Web.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Intake.Web.Reporting;

/// <summary>
/// Carries the mailbox token from the submission to the receipt page, once: in a session cookie (no expiry written to disk; the ticket itself expires after ten minutes) encrypted by
/// Data Protection, read and deleted by the receipt page. The token is never stored on the server.
/// </summary>
public sealed class ReceiptTicket(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "intake.receipt";
    private static readonly TimeSpan _lifetime = TimeSpan.FromMinutes(10);

    public void Issue(HttpContext context, Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = JsonSerializer.SerializeToUtf8Bytes(receipt);
        var value = Convert.ToBase64String(Protector().Protect(payload));
        Array.Clear(payload);
        // A session cookie: the token inside must never be kept in a browser profile on disk.
        StrictCookie.Append(context, CookieName, value);
    }

    /// <summary>Reads the receipt and deletes the cookie: a reload shows it no more.</summary>
    public Receipt? Take(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Cookies[CookieName];
        StrictCookie.Delete(context, CookieName);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var receipt = JsonSerializer.Deserialize<Receipt>(Protector().Unprotect(Convert.FromBase64String(value)));
            return receipt is not null && clock.GetUtcNow() - receipt.IssuedAt < _lifetime ? receipt : null;
        }
        catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    private IDataProtector Protector() => protection.CreateProtector("Intake.Reporting.Receipt");
}

/// <summary>What the receipt page shows: the token (once), the case's received date and how it was sealed.</summary>
public sealed record Receipt(string Token, string CaseNumber, DateOnly ReceivedOn, string ChannelCode, Cases.SealingMode SealedBy, DateTimeOffset IssuedAt);
