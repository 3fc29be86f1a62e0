using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Intake.Tests.Infrastructure;

/// <summary>
/// The database engine the application under test runs on. SQLite (a file in the data directory) unless
/// <c>INTAKE_TEST_DATABASE=PostgreSQL</c>: then every application gets a database of its own on the PostgreSQL
/// server at <c>INTAKE_TEST_POSTGRES</c> (an administrator's connection string; ops/test.sh starts such a server
/// on loopback), named after its data directory so that a second host over the same data finds the same database.
/// </summary>
public static class TestDatabase
{
    public static string? ServerConnectionString => Environment.GetEnvironmentVariable("INTAKE_TEST_POSTGRES");

    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("INTAKE_TEST_DATABASE"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>The settings that put an application over <paramref name="dataDirectory"/> on the engine under test.</summary>
    public static IEnumerable<KeyValuePair<string, string>> SettingsFor(string dataDirectory)
    {
        if (!OnPostgres)
        {
            yield break;
        }

        yield return new("Intake:Database:Provider", "PostgreSQL");
        yield return new("ConnectionStrings:Intake", CreatePostgres(NameFor(dataDirectory)));
    }

    /// <summary>
    /// The settings that put one of several application nodes on the database of <paramref name="sharedDirectory"/>
    /// (where set-up ran), whatever its own data directory: on SQLite that directory's file, named by its full path.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> NodeSettingsFor(string sharedDirectory) =>
        OnPostgres
            ? SettingsFor(sharedDirectory)
            : [new("Intake:DatabaseFileName", Path.Combine(Path.GetFullPath(sharedDirectory), new Intake.Web.Hosting.IntakeOptions().DatabaseFileName))];

    /// <summary>Creates a database of <paramref name="name"/> on the test server unless it exists; returns its connection string.</summary>
    public static string CreatePostgres(string name)
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException("INTAKE_TEST_POSTGRES is not set: run the tests with ops/test.sh, which starts a PostgreSQL server.");
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                create.ExecuteNonQuery();
            }
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="dataDirectory"/>, when the tests run on PostgreSQL.</summary>
    public static void Drop(string dataDirectory)
    {
        if (!OnPostgres || ServerConnectionString is null)
        {
            return;
        }

        var name = NameFor(dataDirectory);
        NpgsqlConnection.ClearPool(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString));
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>
    /// The files the engine keeps an application's tables in: the SQLite file and its WAL, or on PostgreSQL the
    /// files of the database's directory in the server's data directory (readable here: the test server is local).
    /// </summary>
    public static async Task<IReadOnlyList<string>> TableFilesAsync(IntakeApplicationFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!OnPostgres)
        {
            return [app.DatabasePath, app.DatabasePath + "-wal"];
        }

        await using var connection = new NpgsqlConnection(CreatePostgres(NameFor(app.DataDirectory)));
        await connection.OpenAsync();
        // Written pages reach the table files at a checkpoint: take one, as the server would in time.
        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", connection))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(
            "SELECT current_setting('data_directory') || '/base/' || oid FROM pg_database WHERE datname = current_database()", connection);
        var folder = (string)(await command.ExecuteScalarAsync())!;
        return Directory.EnumerateFiles(folder).ToList();
    }

    private static string NameFor(string dataDirectory) =>
        "intake_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..24];
}
