using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Intake.Tests.Infrastructure;

/// <summary>A mail as the SMTP server received it: the envelope recipients, the raw bytes, and whether TLS was on.</summary>
public sealed record ReceivedMail(IReadOnlyList<string> To, byte[] Raw, MimeMessage Message, bool Secure)
{
    public string Recipient => To.Single();

    public string Subject => Message.Subject ?? string.Empty;

    public string Body => Message.TextBody ?? string.Empty;
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 at a port of its own that survives stop and start, to
/// play an outage. With <c>startTls</c> it offers STARTTLS with a self-signed certificate made for the test run.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly X509Certificate2? _certificate;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SmtpTestServer(bool startTls = false)
    {
        Port = FreePort();
        if (startTls)
        {
            _certificate = SelfSignedCertificate();
            CertificateFingerprint = Convert.ToHexString(SHA256.HashData(_certificate.RawData));
        }
    }

    public int Port { get; }

    /// <summary>SHA-256 of the test certificate, hex: what <c>Intake:Mail:CertificateFingerprint</c> pins.</summary>
    public string? CertificateFingerprint { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (_certificate is not null)
                {
                    endpoint.Certificate(_certificate);
                }
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        var server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    /// <summary>Stops listening: connections are refused until <see cref="StartAsync"/> again.</summary>
    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    /// <summary>Waits until at least <paramref name="count"/> mails arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (_received.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Expected {count} mails, got {_received.Count}.");
            }

            await Task.Delay(50);
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _certificate?.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException("The test SMTP server did not start.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Loaded again from PKCS#12 so that the private key is usable by the TLS stack on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var raw = buffer.ToArray();
            using var stream = new MemoryStream(raw);
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(new ReceivedMail([.. transaction.To.Select(t => t.User + "@" + t.Host)], raw, message, context.Pipe.IsSecure));
            return SmtpResponse.Ok;
        }
    }
}
