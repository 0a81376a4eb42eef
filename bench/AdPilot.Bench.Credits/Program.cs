using System.Diagnostics;
using System.Globalization;
using AdPilot.Bench.Credits;

// Credit ledger benchmark on MariaDB: deductions per second with N workers on one hot account and spread over many
// accounts, then the ledger invariants. Run through bench/credits.sh, which starts a server and sets ADPILOT_BENCH_MYSQL.
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

var server = Environment.GetEnvironmentVariable("ADPILOT_BENCH_MYSQL");
if (string.IsNullOrWhiteSpace(server))
{
    Console.Error.WriteLine("ADPILOT_BENCH_MYSQL is not set (e.g. \"Server=127.0.0.1;Port=3307;User=root;Password=;\"); run bench/credits.sh.");
    return 2;
}

var goals = new Dictionary<string, double> { ["hot"] = 200, ["spread"] = 1000, ["mcp hot"] = 1500, ["mcp spread"] = 3000 };
var results = new List<(LoadResult Load, InvariantReport Invariants)>();
var setup = Stopwatch.StartNew();
try
{
    await using var db = await BenchDatabase.CreateAsync(server);
    var price = (await db.Configs.GetCurrentAsync()).Settings.Estimate(LoadRunner.Operation, null, 0, 0).Credits;
    Console.WriteLine($"# Credit ledger benchmark: database {db.Name}, {Environment.ProcessorCount} cores, {options.Workers} workers, {options.Seconds} s per case, '{LoadRunner.Operation}' = {price} credit(s), seed {options.Seed}");

    // The hot account can take ~15k deductions a case, each spread account a few dozen: gifts run out early in both
    // cases, so deductions charge the gifted bucket, then the purchased one.
    var warmup = await Accounts.CreateFundedAsync(db, "warmup", 1, 1_000m, 1_000_000m, options.Workers);
    var hot = await Accounts.CreateFundedAsync(db, "hot", 1, 1_000m, 1_000_000m, options.Workers);
    var spread = await Accounts.CreateFundedAsync(db, "spread", options.Accounts, 5m, 10_000m, options.Workers);
    Console.WriteLine($"setup: migrated, {2 + options.Accounts} users signed in and funded in {setup.Elapsed.TotalSeconds:0.0} s");

    if (options.WarmupSeconds > 0)
    {
        var w = await LoadRunner.RunAsync(db.Credits, "warmup", warmup, options.Workers, TimeSpan.FromSeconds(options.WarmupSeconds), options.Seed);
        Console.WriteLine($"warm-up: {w.Successes} deductions in {w.Elapsed.TotalSeconds:0.0} s on a separate account (not counted)");
    }

    foreach (var (name, accounts) in new[] { ("hot", hot), ("spread", spread) })
    {
        var before = await ServerStats.SampleAsync(server);
        var load = await LoadRunner.RunAsync(db.Credits, name, accounts, options.Workers, TimeSpan.FromSeconds(options.Seconds), options.Seed);
        var after = await ServerStats.SampleAsync(server);
        var invariants = await Invariants.CheckAsync(db.ConnectionString, accounts, load.Successes, price);
        results.Add((load, invariants));
        Report.Case(load, invariants, ServerStats.Describe(before, after, load.Successes, load.Elapsed));
    }

    if (options.Host is { } hostDll)
    {
        // The same cases end to end: a real MCP client per account → HTTP → /mcp → deduct_credit → CreditService.
        var mcpWarmup = await Accounts.CreateFundedAsync(db, "mcp-warmup", 1, 1_000m, 1_000_000m, options.Workers);
        var mcpHot = await Accounts.CreateFundedAsync(db, "mcp-hot", 1, 1_000m, 1_000_000m, options.Workers);
        var mcpSpread = await Accounts.CreateFundedAsync(db, "mcp-spread", options.Accounts, 5m, 10_000m, options.Workers);
        await using var host = await McpHost.StartAsync(hostDll, db.ConnectionString);
        await using var mcp = await McpDeductions.ConnectAsync(host.BaseAddress, db.AccessTokens, [.. mcpWarmup, .. mcpHot, .. mcpSpread], options.Workers);
        Console.WriteLine($"MCP: host started at {host.BaseAddress}, {2 + options.Accounts} clients connected with personal access tokens");
        var w = await LoadRunner.RunAsync(mcp.DeductAsync, "mcp warmup", mcpWarmup, options.Workers, TimeSpan.FromSeconds(Math.Max(5, options.WarmupSeconds)), options.Seed);
        Console.WriteLine($"MCP warm-up: {w.Successes} deductions in {w.Elapsed.TotalSeconds:0.0} s on a separate account (not counted), {w.Errors} errors");
        foreach (var (name, accounts) in new[] { ("mcp hot", mcpHot), ("mcp spread", mcpSpread) })
        {
            var before = await ServerStats.SampleAsync(server);
            var load = await LoadRunner.RunAsync(mcp.DeductAsync, name, accounts, options.Workers, TimeSpan.FromSeconds(options.Seconds), options.Seed);
            var after = await ServerStats.SampleAsync(server);
            var invariants = await Invariants.CheckAsync(db.ConnectionString, accounts, load.Successes, price);
            results.Add((load, invariants));
            Report.Case(load, invariants, ServerStats.Describe(before, after, load.Successes, load.Elapsed));
        }
    }
}
catch (Exception ex)
{
    // Setup or measurement broke down (server unreachable, migration failed): no figures to trust.
    Console.Error.WriteLine($"bench failed: {ex}");
    return 2;
}

Report.Table(results, goals);
var violations = results.Sum(r => r.Invariants.Violations);
return violations == 0 ? 0 : 1;
