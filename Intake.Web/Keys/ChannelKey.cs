namespace Intake.Web.Keys;

/// <summary>
/// One version of a channel's age X25519 key pair. Only the public recipient is kept in clear; the identity exists
/// only inside <see cref="ChannelKeyWrap"/> files. A removed member causes a new version: new content goes to the
/// new recipient, and the old versions stay readable to the remaining members.
/// </summary>
public sealed class ChannelKey
{
    public Guid Id { get; set; }

    public Guid ChannelId { get; set; }

    public int Version { get; set; }

    public string Recipient { get; set; } = string.Empty;

    public DateOnly CreatedOn { get; set; }

    public DateOnly? RetiredOn { get; set; }

    public List<ChannelKeyWrap> Wraps { get; } = [];
}

/// <summary>
/// A channel identity (its <c>AGE-SECRET-KEY-1…</c> line) as an age file encrypted to one holder: a member
/// handler's personal recipient, or, with a null <see cref="UserId"/>, the organisation's recovery recipient.
/// </summary>
public sealed class ChannelKeyWrap
{
    public Guid Id { get; set; }

    public Guid ChannelKeyId { get; set; }

    public Guid? UserId { get; set; }

    public byte[] WrappedIdentity { get; set; } = [];

    public DateOnly CreatedOn { get; set; }
}

public enum MembershipState
{
    /// <summary>Proposed by the administrator, not yet granted: holds no key.</summary>
    Proposed = 0,

    /// <summary>Granted by a member or with the recovery identity: holds a wrap of every key version.</summary>
    Active = 1,
}

/// <summary>A handler's membership of a channel.</summary>
public sealed class ChannelMembership
{
    public Guid ChannelId { get; set; }

    public Guid UserId { get; set; }

    public MembershipState State { get; set; }

    public Guid? ProposedBy { get; set; }

    public Guid? GrantedBy { get; set; }

    /// <summary>
    /// When grants need two members (<see cref="KeyOptions.GrantApprovals"/>): the member who approved first. The
    /// key is wrapped only when a second, different member grants.
    /// </summary>
    public Guid? ApprovedBy { get; set; }

    public DateOnly Since { get; set; }
}
