namespace Intake.Web.Backups;

/// <summary>When the last complete backup was written: a small file in the data directory, read by monitoring.</summary>
public sealed class LastBackup(Hosting.DataDirectory data)
{
    private string FilePath => Path.Combine(data.Root, "last-backup");

    public void Record(DateTimeOffset when) =>
        File.WriteAllText(FilePath, when.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

    public DateTimeOffset? Read()
    {
        try
        {
            return long.TryParse(File.ReadAllText(FilePath).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
