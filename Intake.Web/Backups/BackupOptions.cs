namespace Intake.Web.Backups;

/// <summary>Settings under <c>Intake:Backup</c> (docs/operations.md, "Backups").</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Intake:Backup";

    /// <summary>
    /// age recipients (<c>age1…</c>) a backup is sealed to besides the organisation's recovery recipient, for
    /// example a key the IT department keeps for restore drills.
    /// </summary>
    public string[] Recipients { get; set; } = [];
}
