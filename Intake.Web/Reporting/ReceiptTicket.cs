using System.Text.Json;
using Intake.Web.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Intake.Web.Reporting;

/// <summary>
/// Carries the mailbox token from the submission to the receipt page in a session cookie (no expiry written to
/// disk; the ticket itself expires after ten minutes) encrypted by Data Protection. The reporter's receipt reads it
/// on every load until they confirm that they saved the code (<see cref="Discard"/>), so a reload or a phone
/// that reloads the tab does not lose the code; staff pages take it once. The token is never stored on the server.
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
        var receipt = Peek(context);
        Discard(context);
        return receipt;
    }

    /// <summary>Reads the receipt and keeps the cookie, until <see cref="Discard"/> or ten minutes after it was issued.</summary>
    public Receipt? Peek(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Cookies[CookieName];
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

    /// <summary>Deletes the cookie: the receipt is shown no more.</summary>
    public static void Discard(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        StrictCookie.Delete(context, CookieName);
    }

    private IDataProtector Protector() => protection.CreateProtector("Intake.Reporting.Receipt");
}

/// <summary>
/// What the receipt page shows: the token, the case number, the received date, how it was sealed and how many files
/// arrived with the report.
/// </summary>
public sealed record Receipt(string Token, string CaseNumber, DateOnly ReceivedOn, string ChannelCode, Cases.SealingMode SealedBy, DateTimeOffset IssuedAt, int Files = 0);
