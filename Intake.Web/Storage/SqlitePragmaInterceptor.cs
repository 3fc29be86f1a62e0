using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Intake.Web.Storage;

/// <summary>
/// Applies the per-connection SQLite settings every time a connection opens: full fsync on commit (a receipt is
/// shown only after the case is durably on disk), foreign keys enforced, and a busy timeout so that a writer
/// waits for another instead of failing. <c>secure_delete</c> overwrites deleted content with zeros, so that what
/// disposal removes (docs/retention.md) is really gone from the file. WAL mode is a property of the database
/// file and is set at migration.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    internal const string PerConnectionPragmas =
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = PerConnectionPragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = PerConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
