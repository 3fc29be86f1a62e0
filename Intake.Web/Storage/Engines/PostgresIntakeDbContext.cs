using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Intake.Web.Storage.Engines;

/// <summary>The model on PostgreSQL: its own type so that its migrations (Storage/PostgresMigrations) are its own.</summary>
public sealed class PostgresIntakeDbContext(DbContextOptions<PostgresIntakeDbContext> options) : IntakeDbContext(options);

/// <summary>
/// Builds the PostgreSQL context for <c>dotnet ef migrations add NAME --context PostgresIntakeDbContext
/// --output-dir Storage/PostgresMigrations</c>, which reads the model and never connects.
/// </summary>
public sealed class PostgresIntakeDbContextFactory : IDesignTimeDbContextFactory<PostgresIntakeDbContext>
{
    public PostgresIntakeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresIntakeDbContext>().UseNpgsql("Host=localhost;Database=intake_design").Options);
}
