using Intake.Crypto.Age;
using Intake.Crypto.Mailbox;
using Intake.Web.Keys;

namespace Intake.Web.Reporting;

/// <summary>
/// What a report sealed by the server is sealed to: the channel's current key and a new mailbox, whose token is
/// made on first use (when the first file arrives, or when the answers are sealed) and wiped on dispose. Used by
/// the online form without JavaScript and by handlers registering a report on a reporter's behalf.
/// </summary>
public sealed class ServerSealingKeys(Channel channel, int keyVersion, string channelRecipient) : IDisposable
{
    private MailboxToken? _token;
    private MailboxKeys? _mailbox;

    public Channel Channel { get; } = channel;

    public int KeyVersion { get; } = keyVersion;

    public string ChannelRecipient { get; } = channelRecipient;

    public MailboxToken Token => _token ??= MailboxToken.Generate();

    public MailboxKeys Mailbox => _mailbox ??= Token.DeriveKeys();

    /// <summary>
    /// The mailbox's recipient of the channel key's kind: hybrid post-quantum, or X25519 while the channel's key is
    /// from before post-quantum keys (a file never mixes the two kinds).
    /// </summary>
    public IRecipient MailboxRecipient => AgeKeys.IsPostQuantumRecipient(ChannelRecipient) ? Mailbox.Recipient : Mailbox.ClassicIdentity.Recipient;

    public IReadOnlyCollection<IRecipient> Recipients => [AgeKeys.ParseRecipient(ChannelRecipient), MailboxRecipient];

    public void Dispose()
    {
        _mailbox?.Dispose();
        _token?.Dispose();
    }
}
