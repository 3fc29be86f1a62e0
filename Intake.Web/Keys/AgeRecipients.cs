namespace Intake.Web.Keys;

/// <summary>How recipients are stored.</summary>
public static class AgeRecipients
{
    /// <summary>
    /// Room for any recipient column: a hybrid post-quantum recipient (<c>age1pq1…</c>) is 1 959 characters, an
    /// X25519 one (<c>age1…</c>) 62.
    /// </summary>
    public const int MaxLength = 2048;
}
