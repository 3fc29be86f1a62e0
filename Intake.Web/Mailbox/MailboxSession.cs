using System.Buffers.Binary;
using System.Security.Cryptography;
using Intake.Crypto.Mailbox;
using Intake.Web.Security;
using Microsoft.AspNetCore.DataProtection;

namespace Intake.Web.Mailbox;

/// <summary>
/// Keeps a reporter's mailbox open between requests without JavaScript: the token travels in a session cookie
/// encrypted by Data Protection (never in clear), with the time of the last request inside, and how far the reporter
/// had read the thread when the visit began (so its new replies stay marked while it lasts). After 15 minutes
/// without a request, or on "leave", the cookie no longer opens anything. The server derives the mailbox keys
/// afresh for each request and forgets them when it ends.
/// </summary>
public sealed class MailboxSession(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "intake.mailbox";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);

    private const int HeaderBytes = 12;

    /// <param name="seenBefore">The thread position the reporter had seen before this visit (<see cref="Cases.CaseRecord.ReporterSeenPosition"/>).</param>
    public void Open(HttpContext context, MailboxToken token, int seenBefore = 0)
    {
        ArgumentNullException.ThrowIfNull(token);
        Write(context, token.ToString(), seenBefore);
    }

    /// <summary>The token of the open mailbox, refreshing the idle timer; null when none is open.</summary>
    public MailboxToken? Current(HttpContext context) => Current(context, out _);

    /// <summary>The token of the open mailbox and the thread position seen before the visit; null when none is open.</summary>
    public MailboxToken? Current(HttpContext context, out int seenBefore)
    {
        ArgumentNullException.ThrowIfNull(context);
        seenBefore = 0;
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
            if (payload.Length < HeaderBytes)
            {
                Close(context);
                return null;
            }

            var lastRequest = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload));
            var seen = BinaryPrimitives.ReadInt32BigEndian(payload.AsSpan(8));
            var text = System.Text.Encoding.ASCII.GetString(payload, HeaderBytes, payload.Length - HeaderBytes);
            if (clock.GetUtcNow() - lastRequest >= IdleTimeout || MailboxToken.TryParse(text, out var token) != MailboxTokenParseStatus.Ok)
            {
                Close(context);
                return null;
            }

            Write(context, text, seen);
            seenBefore = seen;
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

    private void Write(HttpContext context, string token, int seenBefore)
    {
        var text = System.Text.Encoding.ASCII.GetBytes(token);
        var payload = new byte[HeaderBytes + text.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, clock.GetUtcNow().ToUnixTimeSeconds());
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(8), seenBefore);
        text.CopyTo(payload, HeaderBytes);
        var value = Convert.ToBase64String(Protector().Protect(payload));
        CryptographicOperations.ZeroMemory(payload);
        CryptographicOperations.ZeroMemory(text);
        StrictCookie.Append(context, CookieName, value);
    }

    private IDataProtector Protector() => protection.CreateProtector("Intake.Mailbox.Session");
}
