using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace AdPilot.Core.Data;

/// <summary>How database errors of either provider are read: worth retrying the transaction, or the database is away.</summary>
public static class Transient
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;

    /// <summary>"Try the transaction again": a deadlock, a lock wait, a busy file.</summary>
    public static bool Is(Exception? ex) => ex switch
    {
        null => false,
        MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock or MySqlErrorCode.LockWaitTimeout } => true,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => true,
        _ => Is(ex.InnerException),
    };

    /// <summary>"The database cannot be reached right now": answered 503 rather than 500.</summary>
    public static bool IsOutage(Exception? ex) => ex switch
    {
        null => false,
        MySqlException { IsTransient: true } => true,
        MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ServerShutdown or MySqlErrorCode.ConnectionCountError } => true,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteCantOpen } => true,
        _ => IsOutage(ex.InnerException),
    };
}
