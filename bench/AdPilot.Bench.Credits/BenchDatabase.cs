using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace AdPilot.Bench.Credits;

/// <summary>
/// A fresh <c>adpilot_bench_*</c> database on the server of <c>ADPILOT_BENCH_MYSQL</c>, migrated with the real MySQL
/// migrations, and the services under test wired as the web host wires them (singletons over a DbContext factory).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly ServiceProvider _services;

    private BenchDatabase(string server, string name, string connectionString, ServiceProvider services)
    {
        _server = server;
        Name = name;
        ConnectionString = connectionString;
        _services = services;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public IDbContextFactory<AppDbContext> DbFactory => _services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    public UserService Users => _services.GetRequiredService<UserService>();

    public CreditService Credits => _services.GetRequiredService<CreditService>();

    public PersonalAccessTokenService AccessTokens => _services.GetRequiredService<PersonalAccessTokenService>();

    public CreditConfigService Configs => _services.GetRequiredService<CreditConfigService>();

    public static async Task<BenchDatabase> CreateAsync(string server)
    {
        var name = "adpilot_bench_" + Guid.NewGuid().ToString("N")[..12];
        var connectionString = $"{server.TrimEnd(';')};Database={name};Maximum Pool Size=64";
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Options.Create(new AdminOptions()))
            .AddPooledDbContextFactory<AppDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.MySql, connectionString, new DatabaseOptions().ServerVersion))
            .AddSingleton<UserService>()
            .AddSingleton<CreditConfigService>()
            .AddSingleton<CreditService>()
            .AddMemoryCache()
            .AddSingleton<ISessionRevocationBus, LocalSessionRevocationBus>()
            .AddSingleton<SessionValidator>()
            .AddSingleton<PersonalAccessTokenService>()
            .BuildServiceProvider(validateScopes: true);
        var db = new BenchDatabase(server, name, connectionString, services);
        await using var context = await db.DbFactory.CreateDbContextAsync();
        await context.Database.MigrateAsync();
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        MySqlConnection.ClearAllPools();
        await using var connection = new MySqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{Name}`", connection);
        await command.ExecuteNonQueryAsync();
    }
}
