using System.Globalization;
using AdPilot.Bench.Reports;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

// Report queries benchmark: seeds accounts × 200 ads × days ad-day rows (2 M by default) per provider, then prints p50/p95
// of summary, metrics and breakdown over 7/30/90/365 days at each scope, as a service call and through the real host's
// HTTP API. Run through bench/reports.sh, which starts MariaDB and sets ADPILOT_BENCH_MYSQL.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var today = DateOnly.FromDateTime(DateTime.UtcNow);
Console.WriteLine($"# Reports benchmark: {options.Accounts} accounts × {BenchSeed.AdsPerAccount} ads × {options.Days} days = {options.Rows:N0} ad-day rows, " +
    $"{Environment.ProcessorCount} cores, {options.Iterations} timed calls per case after {options.Warmup} warm-up");
var results = new List<Result>();
foreach (var provider in options.Providers)
{
    var kind = provider.Equals("mysql", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.MySql : DatabaseProvider.Sqlite;
    var server = Environment.GetEnvironmentVariable("ADPILOT_BENCH_MYSQL");
    if (kind == DatabaseProvider.MySql && string.IsNullOrWhiteSpace(server))
    {
        Console.Error.WriteLine("ADPILOT_BENCH_MYSQL is not set; skipping MariaDB (run bench/reports.sh).");
        continue;
    }

    var temp = Path.Combine(Path.GetTempPath(), "adpilot-bench-reports-" + Guid.NewGuid().ToString("N")[..8]);
    Directory.CreateDirectory(temp);
    var database = "adpilot_bench_" + Guid.NewGuid().ToString("N")[..12];
    var connectionString = kind == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(temp, "adpilot.db")}"
        : $"{server!.TrimEnd(';')};Database={database};Maximum Pool Size=32;Default Command Timeout=1800";
    var services = new ServiceCollection()
        .AddSingleton(TimeProvider.System)
        .AddPooledDbContextFactory<AppDbContext>(o => DatabaseSetup.Configure(o, kind, connectionString, new DatabaseOptions().ServerVersion))
        .AddSingleton<ReportQueries>()
        .BuildServiceProvider();
    try
    {
        Console.WriteLine($"## {kind}");
        var factory = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var ids = await BenchSeed.RunAsync(factory, kind, options.Accounts, options.Days, today);
        var queries = services.GetRequiredService<ReportQueries>();
        var cases = BenchCase.All(ids).ToList();
        // Raw and HTTP timings of a case are taken back to back, so both see the same server and machine load.
        var raw = new List<(double, double)>();
        var http = new List<(double, double)?>();
        await using var host = options.Host is { } hostDll ? await WebHost.StartAsync(hostDll, kind, connectionString, temp) : null;
        foreach (var c in cases)
        {
            raw.Add(await BenchCase.TimeAsync(() => c.Raw(queries, ids.UserId, today), options.Warmup, options.Iterations));
            if (host is not null)
            {
                http.Add(await BenchCase.TimeAsync(() => host.GetAsync(c.Url(today)), options.Warmup, options.Iterations));
            }
        }

        for (var i = 0; i < cases.Count; i++)
        {
            results.Add(new Result(kind.ToString(), cases[i], raw[i], i < http.Count ? http[i] : null));
        }
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"bench failed on {kind}: {ex}");
        return 2;
    }
    finally
    {
        await services.DisposeAsync();
        if (kind == DatabaseProvider.MySql)
        {
            MySqlConnection.ClearAllPools();
            await using var connection = new MySqlConnection(server);
            await connection.OpenAsync();
            await using var drop = new MySqlCommand($"DROP DATABASE IF EXISTS `{database}`", connection);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        Directory.Delete(temp, recursive: true);
    }
}

Console.WriteLine();
Console.WriteLine("| database | query | scope | days | raw p50 ms | raw p95 ms | HTTP p50 ms | HTTP p95 ms | HTTP/raw p95 |");
Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    Console.WriteLine($"| {r.Database} | {r.Case.Query} | {r.Case.Scope} | {r.Case.Days} | {r.Raw.P50:0.0} | {r.Raw.P95:0.0} | " +
        (r.Http is { } h ? $"{h.P50:0.0} | {h.P95:0.0} | {h.P95 / r.Raw.P95:0.00}" : "– | – | –") + " |");
}

var goal = results.Where(r => r is { Database: "MySql", Case: { Query: "breakdown", Days: 90 } } && r.Case.Scope is "all accounts" or "account").ToList();
foreach (var g in goal)
{
    Console.WriteLine($"goal: MariaDB 90-day campaign breakdown ({g.Case.Scope}) raw p95 {g.Raw.P95:0.0} ms (≤ 100: {(g.Raw.P95 <= 100 ? "met" : "MISSED")})" +
        (g.Http is { } h ? $", HTTP p95 {h.P95:0.0} ms = {h.P95 / g.Raw.P95:0.00}× raw" : ""));
}

return 0;

internal sealed record Result(string Database, BenchCase Case, (double P50, double P95) Raw, (double P50, double P95)? Http);
