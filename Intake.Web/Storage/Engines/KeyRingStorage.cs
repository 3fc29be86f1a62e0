using Intake.Web.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage.Engines;

/// <summary>
/// Where the Data Protection key ring (cookies, antiforgery tokens) is kept: in the data directory's <c>keys/</c>
/// with SQLite, one node; in the PostgreSQL database with several nodes, which must all read the same keys. Either
/// way every key is encrypted before it is stored (<see cref="Secrets.KeyRingProtection"/>).
/// </summary>
public static class KeyRingStorage
{
    public static IDataProtectionBuilder PersistKeyRing(this IDataProtectionBuilder builder, IConfiguration configuration, DataDirectory dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        if (DatabaseOptions.From(configuration, out var connectionString).Provider == DatabaseProvider.PostgreSQL)
        {
            builder.Services.AddDbContext<KeyRingDbContext>(db => db.UseNpgsql(connectionString));
            return builder.PersistKeysToDbContext<KeyRingDbContext>();
        }

        return builder.PersistKeysToFileSystem(new DirectoryInfo(dataDirectory.KeyRing));
    }
}
