using AdPilot.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Components;

/// <summary>A migrated SQLite file for component tests that render real services; deleted on dispose.</summary>
public sealed class UiDatabase : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"adpilot-bunit-{Guid.NewGuid():N}.db");

    public IDbContextFactory<AppDbContext> Factory { get; private set; } = null!;

    public static async Task<UiDatabase> CreateAsync()
    {
        var database = new UiDatabase();
        database.Factory = For($"Data Source={database._file};Pooling=False");
        await using var db = await database.Factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return database;
    }

    /// <summary>A factory for any connection string, e.g. one that cannot be opened.</summary>
    public static IDbContextFactory<AppDbContext> For(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<AppDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, connectionString, ""));
        return services.BuildServiceProvider().GetRequiredService<IDbContextFactory<AppDbContext>>();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
