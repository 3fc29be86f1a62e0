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

    public IReadOnlyCollection<IRecipient> Recipients => [X25519Recipient.Parse(ChannelRecipient), Mailbox.Recipient];

    public void Dispose()
    {
        _mailbox?.Dispose();
        _token?.Dispose();
    }
}
