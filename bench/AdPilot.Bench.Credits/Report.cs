namespace AdPilot.Bench.Credits;

internal static class Report
{
    public static void Case(LoadResult load, InvariantReport inv, string serverStats)
    {
        Console.WriteLine();
        Console.WriteLine($"## {load.Name}: {load.Workers} workers on {load.Accounts} account(s), {load.Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"successful deductions: {load.Successes}");
        Console.WriteLine($"insufficient-credit refusals: {load.Refusals}");
        Console.WriteLine($"errors: {load.Errors}");
        foreach (var (kind, sample) in load.ErrorsByKind.OrderByDescending(e => e.Value.Count).Take(5))
        {
            Console.WriteLine($"  {sample.Count} x {kind}");
        }

        if (load.ErrorsByKind.Count > 0)
        {
            var first = load.ErrorsByKind.OrderByDescending(e => e.Value.Count).First().Value.Detail;
            Console.WriteLine("  first error in full: " + string.Join(Environment.NewLine + "    ", first.Split('\n').Take(12)));
        }

        Console.WriteLine($"deductions/s: {load.PerSecond:0.0}");
        Console.WriteLine($"latency ms: p50 {load.Percentile(50):0.00}, p95 {load.Percentile(95):0.00}, p99 {load.Percentile(99):0.00}, max {(load.Latencies.Length == 0 ? double.NaN : load.Latencies[^1]):0.00}");
        Console.WriteLine($"invariants over {inv.Accounts} account(s): missing balance rows {inv.Accounts - inv.BalanceRows}; accounts with gifted or purchased < 0: {inv.NegativeBuckets}; "
            + $"accounts whose gifted/purchased != sum of ledger deltas: {inv.LedgerMismatches}; rows with amount != gifted + purchased delta: {inv.InconsistentRows}");
        Console.WriteLine($"  Deduct rows {inv.DeductRows} vs successful deductions {inv.Successes}; credits deducted {inv.Deducted:0.####} vs expected {inv.ExpectedDeducted:0.####}; "
            + $"Deduct rows charging gifted {inv.RowsFromGifted}, purchased {inv.RowsFromPurchased}");
        Console.WriteLine($"invariant violations: {inv.Violations}");
        Console.WriteLine(serverStats);
    }

    public static void Table(IReadOnlyList<(LoadResult Load, InvariantReport Invariants)> results, IReadOnlyDictionary<string, double> goals)
    {
        Console.WriteLine();
        Console.WriteLine("| Case | Workers | Accounts | Seconds | Deductions | Refusals | Errors | Deductions/s | Goal | p50 ms | p95 ms | p99 ms | Invariant violations (goal 0) | Met |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (load, inv) in results)
        {
            var goal = goals.GetValueOrDefault(load.Name);
            var met = load.PerSecond >= goal && inv.Violations == 0 ? "yes" : "no";
            Console.WriteLine($"| {load.Name} | {load.Workers} | {load.Accounts} | {load.Elapsed.TotalSeconds:0.0} | {load.Successes} | {load.Refusals} | {load.Errors} | {load.PerSecond:0.0} | >= {goal:0} | "
                + $"{load.Percentile(50):0.0} | {load.Percentile(95):0.0} | {load.Percentile(99):0.0} | {inv.Violations} | {met} |");
        }
    }
}
