namespace Intake.Web.Notifications;

/// <summary>How the connection to the mail server is secured.</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same host or a trusted network.</summary>
    None = 0,

    /// <summary>Connect in plain text, then upgrade with STARTTLS; refuse to send if the server does not offer it.</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    SslOnConnect = 2,
}

/// <summary>Settings under <c>Intake:Mail</c>: the SMTP server notices are sent through. Without a host nothing is sent.</summary>
public sealed class MailOptions
{
    public const string SectionName = "Intake:Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public MailSecurity Security { get; set; } = MailSecurity.StartTls;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address, for example <c>Intake &lt;intake@kommun.example&gt;</c>.</summary>
    public string From { get; set; } = "intake@localhost";

    /// <summary>
    /// Optional SHA-256 fingerprint (hex) of the mail server's certificate. When set, exactly that certificate is
    /// accepted (for an internal relay with a certificate of its own); otherwise the system's trust store decides.
    /// </summary>
    public string? CertificateFingerprint { get; set; }

    /// <summary>How long one connection or command may take before the attempt counts as failed.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
