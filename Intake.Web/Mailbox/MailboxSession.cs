using System.Buffers.Binary;
using System.Security.Cryptography;
using Intake.Crypto.Mailbox;
using Intake.Web.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Intake.Web.Mailbox;

/// <summary>
/// Keeps a reporter's mailbox open between requests without JavaScript: the token travels in a session cookie
/// encrypted by Data Protection (never in clear), with the time of the last request inside. After 15 minutes
/// without a request, or on "leave", the cookie no longer opens anything. The server derives the mailbox keys
/// afresh for each request and forgets them when it ends.
/// </summary>
public sealed class MailboxSession(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "intake.mailbox";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);

    public void Open(HttpContext context, MailboxToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        Write(context, token.ToString());
    }

    /// <summary>The token of the open mailbox, refreshing the idle timer; null when none is open.</summary>
    public MailboxToken? Current(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = context.Request.Cookies[CookieName];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        byte[] payload;
        try
        {
            payload = Protector().Unprotect(Convert.FromBase64String(value));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            Close(context);
            return null;
        }

        try
        {
            var lastSeen = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload));
            var text = System.Text.Encoding.ASCII.GetString(payload, 8, payload.Length - 8);
            if (clock.GetUtcNow() - lastSeen >= IdleTimeout || MailboxToken.TryParse(text, out var token) != MailboxTokenParseStatus.Ok)
            {
                Close(context);
                return null;
            }

            Write(context, text);
            return token;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
        }
    }

    public void Close(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        StrictCookie.Delete(context, CookieName);
    }

    private void Write(HttpContext context, string token)
    {
        var text = System.Text.Encoding.ASCII.GetBytes(token);
        var payload = new byte[8 + text.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, clock.GetUtcNow().ToUnixTimeSeconds());
        text.CopyTo(payload, 8);
        var value = Convert.ToBase64String(Protector().Protect(payload));
        CryptographicOperations.ZeroMemory(payload);
        CryptographicOperations.ZeroMemory(text);
        StrictCookie.Append(context, CookieName, value);
    }

    private IDataProtector Protector() => protection.CreateProtector("Intake.Mailbox.Session");
}
