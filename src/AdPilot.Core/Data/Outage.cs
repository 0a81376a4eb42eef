using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace AdPilot.Core.Data;

/// <summary>Database errors that mean "the database cannot be reached right now", on either provider.</summary>
public static class Outage
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;

    public static bool IsDatabase(Exception? ex) => ex switch
    {
        null => false,
        MySqlException { IsTransient: true } => true,
        MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ServerShutdown or MySqlErrorCode.ConnectionCountError } => true,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteIoError or SqliteCantOpen } => true,
        _ => IsDatabase(ex.InnerException),
    };
}
