using AdPilot.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace AdPilot.Core.Tests.Support;

/// <summary>
/// A fresh database with the real migrations applied: a temporary SQLite file (a file, not :memory:, so concurrent
/// tests get a connection each, as in production) or, when the test script provides <c>ADPILOT_TEST_MYSQL</c>, a new
/// MariaDB database. Both are deleted afterwards.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _mySqlDatabase;
    private readonly string? _mySqlServer;

    private TestDatabase(DbContextOptions<AppDbContext> options, string? sqliteFile, string? mySqlServer, string? mySqlDatabase)
    {
        Options = options;
        _sqliteFile = sqliteFile;
        _mySqlServer = mySqlServer;
        _mySqlDatabase = mySqlDatabase;
    }

    public DbContextOptions<AppDbContext> Options { get; }

    public DatabaseProvider Provider => _sqliteFile is null ? DatabaseProvider.MySql : DatabaseProvider.Sqlite;

    public static string? MySqlServer => Environment.GetEnvironmentVariable("ADPILOT_TEST_MYSQL") is { Length: > 0 } cs ? cs : null;

    /// <summary>The providers tests run on: SQLite always, MariaDB whenever the test script started one.</summary>
    public static TheoryData<DatabaseProvider> Providers()
    {
        var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
        if (MySqlServer is not null)
        {
            data.Add(DatabaseProvider.MySql);
        }

        return data;
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, bool migrate = true)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"adpilot-test-{Guid.NewGuid():N}.db");
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False", "");
            db = new TestDatabase(builder.Options, file, null, null);
        }
        else
        {
            var server = MySqlServer ?? throw new InvalidOperationException("ADPILOT_TEST_MYSQL is not set; run the tests through ./test.sh.");
            var name = "adpilot_test_" + Guid.NewGuid().ToString("N")[..16];
            var builder = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseSetup.Configure(builder, DatabaseProvider.MySql, $"{server.TrimEnd(';')};Database={name};Maximum Pool Size=40", new DatabaseOptions().ServerVersion);
            db = new TestDatabase(builder.Options, null, server, name);
        }

        if (migrate)
        {
            await using var context = db.CreateDbContext();
            await context.Database.MigrateAsync();
        }

        return db;
    }

    public AppDbContext CreateDbContext() => new(Options);

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        if (_mySqlDatabase is not null)
        {
            await using var connection = new MySqlConnection(_mySqlServer);
            await connection.OpenAsync();
            await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{_mySqlDatabase}`", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
