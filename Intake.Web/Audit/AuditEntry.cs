namespace Intake.Web.Audit;

/// <summary>
/// One security event in the hash-chained audit log. Holds who did what to whom, when; never an IP address, a
/// user agent, a passphrase or any report content. <see cref="Hash"/> covers every other field and the previous
/// entry's hash, so editing or removing an entry breaks the chain from there on; <see cref="Mac"/> authenticates it
/// with a key the database does not hold, so the chain cannot be recomputed.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string Kind { get; set; } = string.Empty;

    public Guid? ActorId { get; set; }

    public Guid? SubjectId { get; set; }

    public Guid? ChannelId { get; set; }

    /// <summary>Short, non-sensitive detail, such as a key version or an outcome code.</summary>
    public string? Detail { get; set; }

    public byte[] PreviousHash { get; set; } = [];

    public byte[] Hash { get; set; } = [];

    /// <summary>HMAC-SHA-256 of <see cref="Hash"/> under the audit key (<see cref="AuditChain"/>); null only on entries from before the chain was keyed.</summary>
    public byte[]? Mac { get; set; }
}
