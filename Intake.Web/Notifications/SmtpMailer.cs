using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Intake.Web.Notifications;

/// <summary>Why a mail was not sent: worth trying again later, or refused for good by the server.</summary>
public sealed class MailDeliveryException(string errorClass, bool permanent, Exception inner) : Exception(errorClass, inner)
{
    /// <summary>A short class of the failure (<c>SocketException</c>, <c>SMTP 550</c>, …): safe to store and show.</summary>
    public string ErrorClass { get; } = errorClass;

    public bool Permanent { get; } = permanent;
}

/// <summary>
/// A connection to the configured SMTP server through MailKit: TLS as <see cref="MailOptions.Security"/> says
/// (STARTTLS is required, never silently skipped), certificate checked by the system or pinned by fingerprint,
/// authenticated when a user name is set. One connection serves one run of the sender.
/// </summary>
public sealed class SmtpMailer(IOptions<MailOptions> options) : IAsyncDisposable
{
    private readonly MailOptions _options = options.Value;
    private SmtpClient? _client;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            var client = await ConnectedAsync(cancellationToken);
            await client.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await DropConnectionAsync();
            throw Classify(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(true, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or ServiceNotConnectedException or SmtpCommandException)
            {
                // The mails were accepted already; a failed QUIT changes nothing.
            }
        }

        _client?.Dispose();
        _client = null;
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true })
        {
            return _client;
        }

        var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        _client = client;
        if (!string.IsNullOrWhiteSpace(_options.CertificateFingerprint))
        {
            client.ServerCertificateValidationCallback = MatchesFingerprint;
        }

        var security = _options.Security switch
        {
            MailSecurity.None => SecureSocketOptions.None,
            MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(_options.Host!, _options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            await client.AuthenticateAsync(_options.Username, _options.Password ?? string.Empty, cancellationToken);
        }

        return client;
    }

    private bool MatchesFingerprint(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        var expected = Convert.FromHexString(_options.CertificateFingerprint!.Replace(":", string.Empty, StringComparison.Ordinal).Trim());
        var actual = SHA256.HashData(certificate.GetRawCertData());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private async Task DropConnectionAsync()
    {
        var client = _client;
        _client = null;
        if (client is not null)
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(false, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is IOException or SocketException or ProtocolException or ServiceNotConnectedException or SmtpCommandException)
            {
                // Already broken.
            }

            client.Dispose();
        }
    }

    private static MailDeliveryException Classify(Exception ex) => ex switch
    {
        // 5xx for a recipient or the message: the server will not take it, however often it is tried.
        SmtpCommandException command when (int)command.StatusCode >= 500 && command.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted
            => new MailDeliveryException("SMTP " + (int)command.StatusCode, true, ex),
        SmtpCommandException command => new MailDeliveryException("SMTP " + (int)command.StatusCode, false, ex),
        SmtpProtocolException => new MailDeliveryException("SMTP protocol", false, ex),
        AuthenticationException => new MailDeliveryException("SMTP authentication", false, ex),
        SslHandshakeException => new MailDeliveryException("TLS handshake", false, ex),
        NotSupportedException => new MailDeliveryException("STARTTLS not offered", false, ex),
        SocketException socket => new MailDeliveryException("Socket " + socket.SocketErrorCode, false, ex),
        OperationCanceledException or TimeoutException => new MailDeliveryException("Timeout", false, ex),
        _ => new MailDeliveryException(ex.GetType().Name, false, ex),
    };
}
