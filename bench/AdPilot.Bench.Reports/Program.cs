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
    $"{Environment.ProcessorCount} cores, {options.Iterations} timed calls per case after {options.Warmup} untimed, every process first warmed by " +
    $"at least {options.WarmupRounds} rounds of all cases until steady (at most {options.WarmupSeconds} s)");
var results = new List<Result>();
var mcpResults = new List<McpResult>();
var agentResults = new List<AgentResult>();
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
        // The host's registration (not pooled), so the raw column times the same context setup as the host does.
        .AddDbContextFactory<AppDbContext>(o => DatabaseSetup.Configure(o, kind, connectionString, new DatabaseOptions().ServerVersion))
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
        var cases = BenchCase.All(ids, options).ToList();
        await using var host = options.Host is { } hostDll ? await WebHost.StartAsync(hostDll, kind, connectionString, temp) : null;
        await using var before = options.HostBefore is { } beforeDll ? await WebHost.StartAsync(beforeDll, kind, connectionString, Path.Combine(temp, "before")) : null;
        var targets = new List<Func<Task>[]> { cases.Select(c => (Func<Task>)(() => c.Raw(queries, ids.UserId, today))).ToArray() };
        targets.AddRange(new[] { host, before }.OfType<WebHost>().Select(h => cases.Select(c => (Func<Task>)(() => h.GetAsync(c.Url(today)))).ToArray()));
        var warm = await Warmup.RunAsync(targets, options.WarmupRounds, TimeSpan.FromSeconds(options.WarmupSeconds));
        Console.WriteLine($"  warm-up: {warm.Rounds} rounds of every case in {warm.Elapsed.TotalSeconds:0} s, " +
            $"{(warm.Settled ? "steady" : "NOT steady (budget spent; raise --warmup-seconds)")}; last round {string.Join(", ", warm.LastRoundMs.Zip(new[] { "raw", "HTTP", "before" }, (ms, what) => $"{what} {ms:0} ms"))}");

        // The timings of a case (raw, HTTP, before) are taken back to back, so all see the same server and machine load.
        foreach (var c in cases)
        {
            var raw = await BenchCase.TimeAsync(() => c.Raw(queries, ids.UserId, today), options.Warmup, options.Iterations);
            var http = host is null ? ((double, double)?)null : await BenchCase.TimeAsync(() => host.GetAsync(c.Url(today)), options.Warmup, options.Iterations);
            var old = before is null ? ((double, double)?)null : await BenchCase.TimeAsync(() => before.GetAsync(c.Url(today)), options.Warmup, options.Iterations);
            results.Add(new Result(kind.ToString(), c, raw, http, old));
        }

        if (host is not null && options.Mcp)
        {
            await using var mcp = await McpCase.ConnectAsync(host.Client);
            var mcpCases = McpCase.All(ids).ToList();
            var mcpWarm = await Warmup.RunAsync(
                [mcpCases.Select(c => (Func<Task>)(() => c.CallAsync(mcp, today))).ToArray(), mcpCases.Select(c => (Func<Task>)(() => host.GetAsync(c.RestUrl(today)))).ToArray()],
                options.WarmupRounds, TimeSpan.FromSeconds(options.WarmupSeconds));
            Console.WriteLine($"  MCP warm-up: {mcpWarm.Rounds} rounds, {(mcpWarm.Settled ? "steady" : "NOT steady")}");
            foreach (var c in mcpCases)
            {
                var rest = await BenchCase.TimeAsync(() => host.GetAsync(c.RestUrl(today)), options.Warmup, options.Iterations);
                var viaMcp = await BenchCase.TimeAsync(() => c.CallAsync(mcp, today), options.Warmup, options.Iterations);
                mcpResults.Add(new McpResult(kind.ToString(), c.Name, rest, viaMcp));
            }
        }

        if (host is not null && options.Agent)
        {
            await AgentCase.GrantCreditsAsync(factory, ids.UserId);
            var agentCases = AgentCase.All().ToList();
            var agentWarm = await Warmup.RunAsync(
                [agentCases.Select(c => (Func<Task>)(() => c.AskAsync(host.Client))).ToArray()], options.WarmupRounds, TimeSpan.FromSeconds(options.WarmupSeconds));
            Console.WriteLine($"  agent warm-up: {agentWarm.Rounds} rounds, {(agentWarm.Settled ? "steady" : "NOT steady")}");
            foreach (var c in agentCases)
            {
                agentResults.Add(await c.TimeAsync(host.Client, kind.ToString(), options.Warmup, options.Iterations));
            }
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
var withBefore = options.HostBefore is not null;
Console.WriteLine("| database | query | scope | days | raw p50 ms | raw p95 ms | HTTP p50 ms | HTTP p95 ms | HTTP/raw p95 |" + (withBefore ? " before HTTP p50 ms | before HTTP p95 ms | HTTP p95 after/before |" : ""));
Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|" + (withBefore ? "---:|---:|---:|" : ""));
foreach (var r in results)
{
    Console.WriteLine($"| {r.Database} | {r.Case.Query} | {r.Case.Scope} | {r.Case.Days} | {r.Raw.P50:0.0} | {r.Raw.P95:0.0} | " +
        (r.Http is { } h ? $"{h.P50:0.0} | {h.P95:0.0} | {h.P95 / r.Raw.P95:0.00}" : "– | – | –") + " |" +
        (!withBefore ? "" : r.Before is { } b ? $" {b.P50:0.0} | {b.P95:0.0} | {(r.Http is { } a ? $"{a.P95 / b.P95:0.00}" : "–")} |" : " – | – | – |"));
}

var goal = results.Where(r => r is { Database: "MySql", Case: { Query: "breakdown", Days: 90 } } && r.Case.Scope is "all accounts" or "account").ToList();
foreach (var g in goal)
{
    Console.WriteLine($"goal: MariaDB 90-day campaign breakdown ({g.Case.Scope}) raw p95 {g.Raw.P95:0.0} ms (≤ 100: {(g.Raw.P95 <= 100 ? "met" : "MISSED")})" +
        (g.Http is { } h ? $", HTTP p95 {h.P95:0.0} ms = {h.P95 / g.Raw.P95:0.00}× raw (goal ≤ 1.1: {(h.P95 / g.Raw.P95 <= 1.1 ? "met" : "MISSED")})" : "") +
        (g.Before is { } b ? $", before HTTP p95 {b.P95:0.0} ms" : ""));
}

if (mcpResults.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("| database | MCP tool | REST p50 ms | REST p95 ms | MCP p50 ms | MCP p95 ms | MCP/REST p95 | goal (p50 ≤ 10, p95 ≤ 25, ≤ 1.5× REST) |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|");
    foreach (var m in mcpResults)
    {
        var ratio = m.Mcp.P95 / m.Rest.P95;
        var met = m.Mcp.P50 <= 10 && m.Mcp.P95 <= 25 && ratio <= 1.5;
        Console.WriteLine($"| {m.Database} | {m.Case} | {m.Rest.P50:0.0} | {m.Rest.P95:0.0} | {m.Mcp.P50:0.0} | {m.Mcp.P95:0.0} | {ratio:0.00} | {(met ? "met" : "MISSED")} |");
    }
}

if (agentResults.Count > 0)
{
    Console.WriteLine();
    Console.WriteLine("| database | offline agent, POST /api/chat | first token p50 ms | first token p95 ms | whole turn p50 ms | whole turn p95 ms | goal (first token p95 ≤ 300) |");
    Console.WriteLine("|---|---|---:|---:|---:|---:|---|");
    foreach (var a in agentResults)
    {
        Console.WriteLine($"| {a.Database} | {a.Case} | {a.FirstToken.P50:0.0} | {a.FirstToken.P95:0.0} | {a.Total.P50:0.0} | {a.Total.P95:0.0} | {(a.FirstToken.P95 <= 300 ? "met" : "MISSED")} |");
    }
}

return 0;

internal sealed record McpResult(string Database, string Case, (double P50, double P95) Rest, (double P50, double P95) Mcp);

internal sealed record Result(string Database, BenchCase Case, (double P50, double P95) Raw, (double P50, double P95)? Http, (double P50, double P95)? Before);
