using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage.Engines;

/// <summary>
/// The model on PostgreSQL: its own type so that its migrations (Storage/PostgresMigrations) are its own. Add one with
/// the application's own configuration choosing PostgreSQL (the tool reads the model and never connects):
/// <c>Intake__Database__Provider=PostgreSQL ConnectionStrings__Intake=Host=localhost dotnet ef migrations add NAME
/// --context PostgresIntakeDbContext --output-dir Storage/PostgresMigrations --namespace Intake.Web.Storage.PostgresMigrations</c>.
/// Its migrations also create the Data Protection key ring's table, which <see cref="KeyRingDbContext"/> reads and writes.
/// </summary>
public sealed class PostgresIntakeDbContext(DbContextOptions<PostgresIntakeDbContext> options) : IntakeDbContext(options)
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}

/// <summary>
/// The Data Protection key ring on PostgreSQL, so that every application node reads the same keys
/// (<see cref="KeyRingStorage"/>). Each key is encrypted before it is stored, as in the data directory. A context of
/// its own: Data Protection saves synchronously, outside any unit of work of the application's.
/// </summary>
public sealed class KeyRingDbContext(DbContextOptions<KeyRingDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
}
