using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Intake.Web.Storage;

/// <summary>What a failed save means, for the few failures a request answers rather than throws.</summary>
public static class StorageErrors
{
    /// <summary>SQLite's extended result codes for a UNIQUE or PRIMARY KEY constraint.</summary>
    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    /// <summary>The SQLSTATE of a unique violation (PostgreSQL and the SQL standard).</summary>
    private const string UniqueViolationState = "23505";

    /// <summary>True when the save broke a unique index: another request took the same value first.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteUnique or SqlitePrimaryKey,
            DbException other => other.SqlState == UniqueViolationState,
            _ => false,
        };
    }
}
