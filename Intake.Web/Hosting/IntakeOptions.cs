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
    /// The address reporters reach the service at (<c>https://visselblasning.exempelby.se/</c>), printed on the
    /// receipt so a reporter knows where to come back. Empty: the receipt names the address of the request.
    /// </summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>The SQLite database file name inside <see cref="DataDirectory"/>.</summary>
    public string DatabaseFileName { get; set; } = "intake.db";
}
