using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace AdPilot.Core.Data;

/// <summary>Database errors that mean "try the transaction again", on either provider.</summary>
internal static class Transient
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    public static bool Is(Exception? ex) => ex switch
    {
        null => false,
        MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout } => true,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => true,
        _ => Is(ex.InnerException),
    };
}
