using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Hosting;

internal static class DatabaseHosting
{
    public static void AddAppDatabase(this WebApplicationBuilder builder, AppPaths paths)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .Configure(o =>
            {
                o.ConnectionString = builder.Configuration.GetConnectionString("AdPilot");
                if (o.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(o.ConnectionString))
                {
                    o.ConnectionString = $"Data Source={Path.Combine(paths.Root, "adpilot.db")}";
                }
            })
            .ValidatePlainly()
            .ValidateOnStart();

        builder.Services.AddDbContextFactory<AppDbContext>((sp, options) =>
        {
            var db = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            DatabaseSetup.Configure(options, db.Provider, db.ConnectionString!, db.ServerVersion);
        });
    }

    /// <summary>Applies pending migrations of the configured provider (the embedded SQLite file is created here).</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync(ct);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the one writer; it persists in the database file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
