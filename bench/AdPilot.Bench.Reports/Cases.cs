using System.Diagnostics;
using AdPilot.Core.Reports;

namespace AdPilot.Bench.Reports;

/// <summary>One measured call: a query, a window and a scope, both as a service call and as its HTTP request.</summary>
internal sealed record BenchCase(string Query, string Scope, int Days, Func<ReportQueries, long, DateOnly, Task> Raw, Func<DateOnly, string> Url)
{
    public static IEnumerable<BenchCase> All(BenchSeed.Ids ids, BenchOptions options) =>
        All(ids).Where(c => options.Queries.Contains(c.Query, StringComparer.OrdinalIgnoreCase) && options.Windows.Contains(c.Days));

    private static IEnumerable<BenchCase> All(BenchSeed.Ids ids)
    {
        var scopes = new (string Name, ReportLevel Level, long? Entity)[]
        {
            ("all accounts", ReportLevel.Account, null),
            ("account", ReportLevel.Account, ids.Accounts[0]),
            ("campaign", ReportLevel.Campaign, ids.Campaigns[0]),
            ("ad set", ReportLevel.AdSet, ids.AdSets[0]),
            ("ad", ReportLevel.Ad, ids.Ads[0]),
        };
        foreach (var days in new[] { 7, 30, 90, 365 })
        {
            foreach (var (name, level, entity) in scopes)
            {
                ReportScope Scope(DateOnly today) => new() { From = today.AddDays(1 - days), To = today, Level = level, EntityId = entity };
                string Query(DateOnly today) => $"from={today.AddDays(1 - days):yyyy-MM-dd}&to={today:yyyy-MM-dd}&level={level.ToString().ToLowerInvariant()}" + (entity is { } e ? $"&entityId={e}" : "");
                yield return new("summary", name, days, (q, u, t) => q.SummaryAsync(u, Scope(t)), t => "/api/v1/reports/summary?" + Query(t));
                yield return new("metrics", name, days, (q, u, t) => q.MetricsAsync(u, Scope(t), ReportGranularity.Day), t => "/api/v1/reports/metrics?granularity=day&" + Query(t));
                if (level != ReportLevel.Ad)
                {
                    // all accounts / account → campaigns, campaign → ad sets, ad set → ads.
                    yield return new("breakdown", name, days, (q, u, t) => q.BreakdownAsync(u, Scope(t), "spend"), t => "/api/v1/reports/breakdown?sort=spend&" + Query(t));
                }
            }
        }
    }

    public static async Task<(double P50, double P95)> TimeAsync(Func<Task> call, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call();
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await call();
            samples[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return (Percentile(samples, 0.50), Percentile(samples, 0.95));
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
