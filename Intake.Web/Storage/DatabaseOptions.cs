namespace Intake.Web.Storage;

/// <summary>The database engines Intake runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>The embedded default: one file in the data directory, one application process.</summary>
    Sqlite = 0,

    /// <summary>A PostgreSQL server (with its own replication and failover) shared by one or more application nodes.</summary>
    PostgreSQL = 1,
}

/// <summary>
/// Settings under <c>Intake:Database</c>. The PostgreSQL connection string is <c>ConnectionStrings:Intake</c>
/// (environment variable <c>ConnectionStrings__Intake</c>); SQLite needs none: its file is in the data directory.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Intake:Database";

    public const string ConnectionStringName = "Intake";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Reads the settings, refusing a PostgreSQL choice without a connection string at start-up.</summary>
    public static DatabaseOptions From(IConfiguration configuration, out string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (options.Provider == DatabaseProvider.PostgreSQL && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Intake:Database:Provider is PostgreSQL but ConnectionStrings:Intake is empty. Set it (environment variable " +
                "ConnectionStrings__Intake, e.g. \"Host=db.example;Database=intake;Username=intake;Password=...\"); see docs/operations.md.");
        }

        return options;
    }
}
