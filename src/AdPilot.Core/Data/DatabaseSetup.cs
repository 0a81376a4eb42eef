using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Data;

/// <summary>Configures <see cref="AppDbContext"/> for a provider, with that provider's own migrations assembly.</summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "AdPilot.Migrations.Sqlite";
    public const string MySqlMigrationsAssembly = "AdPilot.Migrations.MySql";

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString, string mySqlServerVersion)
    {
        // A failed save is either expected (a unique key catching a repeat, which the caller handles) or rethrown and
        // logged once by the host's exception handler; EF's own error log line would double it.
        builder.ConfigureWarnings(w => w.Log((CoreEventId.SaveChangesFailed, LogLevel.Debug)));
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.MySql:
                // Retries only failed connection opens; services keep their explicit transactions (see ConnectRetryStrategy).
                builder.UseMySql(connectionString, ServerVersion.Parse(mySqlServerVersion), o => o
                    .MigrationsAssembly(MySqlMigrationsAssembly)
                    .ExecutionStrategy(d => new ConnectRetryStrategy(d)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }
}
