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

    /// <summary>The SQLite database file name inside <see cref="DataDirectory"/>.</summary>
    public string DatabaseFileName { get; set; } = "intake.db";
}
