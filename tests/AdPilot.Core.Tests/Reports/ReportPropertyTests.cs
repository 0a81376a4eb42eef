using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AdPilot.Core.Tests.Reports.ReportWorld;

namespace AdPilot.Core.Tests.Reports;

/// <summary>P19 (saved metrics read back exactly; saving again replaces) and P20 (aggregates unchanged by archival).</summary>
public sealed class ReportPropertyTests
{
    private static readonly DateOnly Start = new(2025, 6, 1);

    /// <summary>Random batches over 8 ads and 60 days, saved in random order with repeats; the last value of each (ad, day) wins.</summary>
    private static List<MetricInput> Batch(ReportWorld w, int seed, int count)
    {
        var random = new Random(seed);
        var ads = w.Usd.Ads.Concat(w.Eur.Ads.Take(2)).ToArray();
        return Enumerable.Range(0, count).Select(_ => Row(ads[random.Next(ads.Length)], Start.AddDays(random.Next(60)),
            random.Next(0, 1_000_000) / 100m, random.Next(0, 50_000), random.Next(0, 500), random.Next(0, 20), random.Next(0, 5_000_000) / 10_000m)).ToList();
    }

    [Property(MaxTest = 15)]
    public bool P19_SavedMetrics_ReadBackExactly_AndResavingReplaces(PositiveInt seed, byte batches)
    {
        return Run().GetAwaiter().GetResult();

        async Task<bool> Run()
        {
            await using var db = await TestDatabase.CreateAsync();
            var w = await CreateAsync(db);
            var expected = new Dictionary<(long, DateOnly), MetricInput>();
            for (var b = 0; b <= batches % 4; b++)
            {
                var batch = Batch(w, seed.Get + b, 40).GroupBy(r => (r.AdId, r.Date)).Select(g => g.Last()).ToList();
                await w.SaveAsync([.. batch]);
                batch.ForEach(r => expected[(r.AdId, r.Date)] = r);
            }

            await using var context = db.CreateDbContext();
            var stored = context.ReportMetrics.ToList();
            if (stored.Count != expected.Count)
            {
                return false;
            }

            foreach (var m in stored)
            {
                var e = expected[(m.AdId, m.Date)];
                if ((m.Spend, m.Impressions, m.Clicks, m.Conversions, m.Revenue) != (e.Spend, e.Impressions, e.Clicks, e.Conversions, e.Revenue))
                {
                    return false;
                }
            }

            // Every ad's series over its range sums back to exactly what was saved last.
            foreach (var ad in expected.Keys.Select(k => k.Item1).Distinct())
            {
                var series = await w.Queries.MetricsAsync(w.UserId, new ReportScope { From = Start, To = Start.AddDays(59), Level = ReportLevel.Ad, EntityId = ad }, ReportGranularity.Day);
                var points = series.Series.Single().Points;
                var mine = expected.Where(kv => kv.Key.Item1 == ad).OrderBy(kv => kv.Key.Item2).Select(kv => (kv.Key.Item2, kv.Value.Spend, kv.Value.Revenue, kv.Value.Clicks));
                if (!points.Select(p => (p.Period, p.Spend, p.Revenue, p.Clicks)).SequenceEqual(mine))
                {
                    return false;
                }
            }

            return true;
        }
    }

    [Property(MaxTest = 10)]
    public bool P20_EveryAggregate_IsTheSameBeforeAndAfterArchival(PositiveInt seed, PositiveInt cutoffDay)
    {
        return Run().GetAwaiter().GetResult();

        async Task<bool> Run()
        {
            await using var db = await TestDatabase.CreateAsync();
            var w = await CreateAsync(db);
            await w.SaveAsync([.. Batch(w, seed.Get, 120).GroupBy(r => (r.AdId, r.Date)).Select(g => g.Last())]);
            var random = new Random(seed.Get);
            var scopes = Scopes(w, random).ToList();
            var before = await SnapshotAsync(w, scopes);

            // Retention such that the cutoff falls somewhere in (or around) the 60 days of data.
            var cutoff = Start.AddDays(cutoffDay.Get % 70 - 5);
            var later = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(cutoff.AddDays(30).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            var archiving = new ReportService(db, later, Microsoft.Extensions.Options.Options.Create(new ReportOptions { RetentionDays = 30 }));
            var moved = await archiving.ArchiveAsync();
            await using var context = db.CreateDbContext();
            if (context.ReportMetrics.Any(m => m.Date < cutoff) || context.ReportArchivedMetrics.Count() != moved.Moved)
            {
                return false;
            }

            return before == await SnapshotAsync(w, scopes);
        }
    }

    private static IEnumerable<(ReportScope Scope, string? Sort)> Scopes(ReportWorld w, Random random)
    {
        for (var i = 0; i < 6; i++)
        {
            var from = Start.AddDays(random.Next(-5, 60));
            var scope = new ReportScope { From = from, To = from.AddDays(random.Next(0, 40)) };
            yield return (scope, null);
            yield return (scope with { Level = ReportLevel.Campaign, EntityId = w.Usd.Campaigns[random.Next(2)] }, "cpa");
            yield return (scope with { Level = ReportLevel.AdSet, EntityId = w.Usd.AdSets[random.Next(4)] }, "roas");
            yield return (scope with { Level = ReportLevel.Ad, EntityId = w.Usd.Ads[random.Next(8)] }, null);
        }
    }

    private static async Task<string> SnapshotAsync(ReportWorld w, IEnumerable<(ReportScope Scope, string? Sort)> scopes)
    {
        var text = new System.Text.StringBuilder();
        foreach (var (scope, sort) in scopes)
        {
            text.AppendLine(System.Text.Json.JsonSerializer.Serialize(await w.Queries.SummaryAsync(w.UserId, scope)));
            text.AppendLine(System.Text.Json.JsonSerializer.Serialize(await w.Queries.MetricsAsync(w.UserId, scope, ReportGranularity.Week)));
            if (scope.Level != ReportLevel.Ad)
            {
                text.AppendLine(System.Text.Json.JsonSerializer.Serialize(await w.Queries.BreakdownAsync(w.UserId, scope, sort)));
            }
        }

        return text.ToString();
    }
}
