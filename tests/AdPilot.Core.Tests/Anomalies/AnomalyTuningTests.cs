using AdPilot.Core.Anomalies;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Core.Tests.Support;
using Xunit.Abstractions;

namespace AdPilot.Core.Tests.Anomalies;

/// <summary>
/// The parameters on the simulated platform's own numbers (ADR 038): 90 days of ten people's accounts, every account and
/// delivering campaign judged on every day at three times of day, raise nothing; an injected spike or drop on one day is found.
/// </summary>
public sealed class AnomalyTuningTests(ITestOutputHelper output)
{
    private static readonly DateOnly LastDay = new(2026, 11, 26);

    [Fact]
    public async Task SimulatedHistory_NoFalseAlarms_InjectedAnomaliesFound()
    {
        var clock = TestClock.At2026();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero)); // every day judged below is complete
        var injected = new SimulatedAnomalies();
        var simulator = new SimulatedPlatformOptions();
        var world = new SimulatedWorld(simulator, clock);
        var (spikeDay, dropDay) = (LastDay.AddDays(-10), LastDay.AddDays(-3));
        var options = new AnomalyOptions();
        var (judgements, alarms, found) = (0, new List<string>(), new HashSet<string>());
        for (var person = 1; person <= 10; person++)
        {
            foreach (var account in SimulatedWorld.AccountsOf(person))
            {
                var spiked = person == 1 && account.Currency == "USD";
                if (spiked)
                {
                    injected.Inject(new SimulatedAnomaly(account.Id, null, spikeDay, SimulatedAnomalyKind.SpendSpike, 2.5));
                    injected.Inject(new SimulatedAnomaly(account.Id, null, dropDay, SimulatedAnomalyKind.ConversionDrop, 0.2));
                }

                var rows = SimulatedInsights.Daily(simulator.Seed, world.Entities(account.Id), account.Currency, PlatformLevel.Ad, LastDay.AddDays(-130), LastDay);
                var shaped = injected.Apply(account.Id, account.TimeZone, clock.GetUtcNow(), rows);
                var campaigns = shaped.GroupBy(r => r.CampaignId).Select(g => (Name: g.Key!, Rows: g.ToList())).ToList();
                foreach (var series in campaigns.Append((Name: "account", Rows: shaped)))
                {
                    var byDay = series.Rows.GroupBy(r => r.Date).ToDictionary(g => g.Key, g => g.Aggregate(default(DayNumbers), (sum, r) =>
                        sum + new DayNumbers(r.Spend, r.Impressions, r.Clicks, r.Conversions, r.Revenue)));
                    for (var day = LastDay.AddDays(-89); day <= LastDay; day = day.AddDays(1))
                    {
                        var history = Enumerable.Range(1, options.HistoryWeeks).Select(k => byDay.GetValueOrDefault(day.AddDays(-7 * k))).ToList();
                        if (series.Name == "account")
                        {
                            // As the service does: the account is the sum of the campaigns delivering today.
                            var active = campaigns.Where(c => c.Rows.Any(r => r.Date == day)).SelectMany(c => c.Rows).ToList();
                            history = Enumerable.Range(1, options.HistoryWeeks).Select(k => active.Where(r => r.Date == day.AddDays(-7 * k))
                                .Aggregate(default(DayNumbers), (sum, r) => sum + new DayNumbers(r.Spend, r.Impressions, r.Clicks, r.Conversions, r.Revenue))).ToList();
                        }

                        var full = byDay.GetValueOrDefault(day);
                        foreach (var share in new[] { 0.3, 0.6, 1.0 })
                        {
                            var today = new DayNumbers(full.Spend * (decimal)share, (long)Math.Round(full.Impressions * share), (long)Math.Round(full.Clicks * share),
                                (long)Math.Round(full.Conversions * share), full.Revenue * (decimal)share);
                            var evaluation = AnomalyRules.Evaluate(new AnomalyInput(today, share, history, ExpectsDelivery: full.Spend > 0), options);
                            judgements += evaluation.Judged.Count;
                            foreach (var f in evaluation.Findings)
                            {
                                if (spiked && (day == spikeDay || day == dropDay))
                                {
                                    found.Add($"{day:MM-dd} {f.Type}");
                                }
                                else
                                {
                                    alarms.Add($"{account.Id} {series.Name} {day} at {share}: {f.Type} {f.Observed} vs {f.ExpectedLow}..{f.ExpectedHigh}");
                                }
                            }
                        }
                    }
                }
            }
        }

        output.WriteLine($"{judgements} judgements, {alarms.Count} alarms; found on injected days: {string.Join(", ", found.Order())}");
        foreach (var g in alarms.GroupBy(a => string.Join(" ", a.Split(' ')[1..2]) + " " + a.Split(':')[1].Trim().Split(' ')[0]).OrderByDescending(g => g.Count()).Take(15))
        {
            output.WriteLine($"{g.Count()} {g.Key} e.g. {g.First()}");
        }

        Assert.Empty(alarms);
        Assert.Contains($"{spikeDay:MM-dd} {AnomalyTypes.SpendPacing}", found);
        Assert.Contains($"{dropDay:MM-dd} {AnomalyTypes.RoasDrop}", found);
    }
}
