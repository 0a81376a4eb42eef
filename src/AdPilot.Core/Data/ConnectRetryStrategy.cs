using Microsoft.EntityFrameworkCore.Storage;
using MySqlConnector;

namespace AdPilot.Core.Data;

/// <summary>
/// MySQL execution strategy that retries only what provably never reached the server: a failure to open a connection
/// (server restarting, fail-over, a full connection pool). Such a retry is safe for reads and writes alike. Inside an
/// explicit transaction it never retries and never refuses (EF's retrying strategies throw on user transactions): the
/// services that open one already run their own retry loop around the whole transaction (see <see cref="Transient"/>).
/// </summary>
internal sealed class ConnectRetryStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, MaxDelay)
{
    public const int MaxRetries = 2;
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(500);

    private bool InTransaction => Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    protected override void OnFirstExecution()
    {
        if (InTransaction)
        {
            ExceptionsEncountered.Clear();
            return;
        }

        base.OnFirstExecution();
    }

    protected override bool ShouldRetryOn(Exception exception) => !InTransaction && IsConnectFailure(exception);

    private static bool IsConnectFailure(Exception? ex) => ex switch
    {
        null => false,
        MySqlException { ErrorCode: MySqlErrorCode.UnableToConnectToHost or MySqlErrorCode.ConnectionCountError } => true,
        _ => IsConnectFailure(ex.InnerException),
    };
}
