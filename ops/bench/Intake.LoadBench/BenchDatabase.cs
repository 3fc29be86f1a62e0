using Npgsql;

namespace Intake.LoadBench;

/// <summary>
/// The engine a benchmark's Intake process runs on: SQLite in its data directory, or, when
/// <c>INTAKE_BENCH_POSTGRES</c> holds an administrator's connection string (ops/bench/database.sh starts such a
/// server on loopback), a fresh PostgreSQL database for each process.
/// </summary>
internal static class BenchDatabase
{
    public static string? Server => Environment.GetEnvironmentVariable("INTAKE_BENCH_POSTGRES");

    public static string EngineName => Server is null ? "SQLite" : "PostgreSQL";

    /// <summary>The server settings for a fresh database (none on SQLite).</summary>
    public static async Task<IReadOnlyList<string>> SettingsAsync()
    {
        if (Server is null)
        {
            return [];
        }

        var name = "intake_bench_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(Server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
        return ["--Intake:Database:Provider=PostgreSQL", $"--ConnectionStrings:Intake={database}"];
    }
}
