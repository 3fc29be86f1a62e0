using System.Text.Json.Serialization;

namespace Intake.Web.Backups;

/// <summary>
/// What a backup holds, written into it as <c>backup.json</c>: counts to check a restore against and the database's
/// last migration. Nothing in it is secret; it is sealed with the rest.
/// </summary>
public sealed record BackupManifest(
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("created")] DateTimeOffset Created,
    [property: JsonPropertyName("cases")] long Cases,
    [property: JsonPropertyName("attachments")] int Attachments,
    [property: JsonPropertyName("migration")] string? Migration)
{
    public const string CurrentFormat = "intake-backup/1";

    public const string EntryName = "backup.json";
}
