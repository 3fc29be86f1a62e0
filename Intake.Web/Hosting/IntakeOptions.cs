namespace Intake.Web.Hosting;

/// <summary>Settings under the <c>Intake</c> configuration section.</summary>
public sealed class IntakeOptions
{
    public const string SectionName = "Intake";

    /// <summary>
    /// The one directory that holds everything the instance keeps: the SQLite database, the Data Protection key
    /// ring, attachments and log files. Relative paths are resolved against the current working directory.
    /// </summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Where attachments and handlers' drafts are kept (in <c>attachments/</c> and <c>drafts/</c>): by default the
    /// data directory. Several application nodes on one PostgreSQL database name one directory every node mounts
    /// (README, "Several application nodes"); each node keeps its own data directory for its logs.
    /// </summary>
    public string FilesDirectory { get; set; } = string.Empty;

    /// <summary>
    /// The address reporters reach the service at (<c>https://visselblasning.exempelby.se/</c>), printed on the
    /// receipt so a reporter knows where to come back. Empty: the receipt names the address of the request.
    /// </summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>The SQLite database file name inside <see cref="DataDirectory"/>.</summary>
    public string DatabaseFileName { get; set; } = "intake.db";

    /// <summary>
    /// Reverse proxies on other hosts whose <c>X-Forwarded-Proto</c> is believed (addresses such as
    /// <c>10.0.0.5</c> or networks such as <c>10.0.0.0/24</c>), besides loopback, which is always trusted. Only the
    /// scheme is taken from a proxy; <c>X-Forwarded-For</c> is never read (docs/operations.md).
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// The service's onion address (56 base32 characters and <c>.onion</c>), when it also runs as a Tor onion
    /// service: pages reached over HTTPS then send <c>Onion-Location</c>, so Tor Browser offers the onion address.
    /// </summary>
    public string OnionAddress { get; set; } = string.Empty;
}
