using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage.Engines;

/// <summary>
/// The model on PostgreSQL: its own type so that its migrations (Storage/PostgresMigrations) are its own. Add one with
/// the application's own configuration choosing PostgreSQL (the tool reads the model and never connects):
/// <c>Intake__Database__Provider=PostgreSQL ConnectionStrings__Intake=Host=localhost dotnet ef migrations add NAME
/// --context PostgresIntakeDbContext --output-dir Storage/PostgresMigrations --namespace Intake.Web.Storage.PostgresMigrations</c>.
/// </summary>
public sealed class PostgresIntakeDbContext(DbContextOptions<PostgresIntakeDbContext> options) : IntakeDbContext(options);
