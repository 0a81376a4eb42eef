using AdPilot.Core.Reports;
using static AdPilot.Core.Reports.AnalysisRules;

namespace AdPilot.Core.Tests.Reports;

public sealed class AnalysisRulesTests
{
    private static readonly DateOnly From = new(2026, 11, 16);
    private static readonly DateOnly To = new(2026, 11, 22);

    private static Sums S(decimal spend, long conversions, decimal revenue) => new(spend, 1000, 50, conversions, revenue);

    private static readonly AccountInfo Usd = new(1, "US store", "USD");
    private static readonly AccountInfo Eur = new(2, "EU store", "EUR");

    /// <summary>Every day of both weeks the same, unless <paramref name="day"/> overrides one.</summary>
    private static List<AccountDay> Days(long account, Sums usual, Sums? thisWeek = null, (DateOnly Date, Sums Sums)? day = null) =>
        Enumerable.Range(-7, 14).Select(i => From.AddDays(i))
            .Select(d => new AccountDay(account, d, day is { } o && o.Date == d ? o.Sums : d >= From && thisWeek is { } w ? w : usual)).ToList();

    private static Input With(
        IReadOnlyList<SuggestionRules.CampaignInfo>? campaigns = null, Dictionary<long, Sums>? week = null, List<AccountDay>? days = null) =>
        new(From, To, [Usd, Eur],
            new SuggestionRules.Input(new Dictionary<long, Sums>(), week ?? [], new Dictionary<long, Sums>(), new Dictionary<long, Sums>(), new Dictionary<long, Sums>(), campaigns ?? [], []),
            days ?? []);

    [Fact]
    public void WeekOnWeek_OneSummaryPerCurrency_NeverSummedAcross()
    {
        var days = Days(1, S(100m, 10, 300m), thisWeek: S(100m, 10, 150m)).Concat(Days(2, S(50m, 5, 100m))).ToList();

        var analysis = Evaluate(With(days: days));

        Assert.Equal(["EUR", "USD"], analysis.Totals.Select(t => t.Currency));
        var usd = analysis.Totals.Single(t => t.Currency == "USD");
        Assert.Equal((700m, 700m, 1050m, 2100m, -50m), (usd.Current.Spend, usd.Previous.Spend, usd.Current.Revenue, usd.Previous.Revenue, usd.Change.Roas));
        Assert.Equal(350m, analysis.Totals.Single(t => t.Currency == "EUR").Current.Spend);
        var findings = analysis.Findings.Where(f => f.Rule == "week_on_week").ToList();
        Assert.Equal([("EUR", "info"), ("USD", "warning")], findings.Select(f => (f.Currency, f.Severity)));
        Assert.Equal((new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 15)), (analysis.PreviousFrom, analysis.PreviousTo));
    }

    [Fact]
    public void TopAndBottom_RankedByRoasWithinACurrency_ALoneCampaignIsNotRanked()
    {
        var campaigns = new List<SuggestionRules.CampaignInfo>
        {
            new(10, 1, "A", true, null), new(11, 1, "B", true, null), new(12, 1, "C", true, null), new(13, 1, "D", true, null), new(20, 2, "Euro", true, null),
        };
        var week = new Dictionary<long, Sums> { [10] = S(100m, 5, 400m), [11] = S(100m, 5, 100m), [12] = S(100m, 5, 250m), [13] = S(100m, 5, 50m), [20] = S(100m, 5, 900m) };

        var findings = Evaluate(With(campaigns, week)).Findings;

        Assert.Equal([10L, 12L], findings.Where(f => f.Rule == "top_campaign").Select(f => f.Entity!.Id));
        Assert.Equal([13L, 11L], findings.Where(f => f.Rule == "bottom_campaign").Select(f => f.Entity!.Id));
        Assert.DoesNotContain(findings, f => f.Entity?.Id == 20 && f.Rule is "top_campaign" or "bottom_campaign");
        Assert.All(findings.Where(f => f.Entity?.Level == ReportLevel.Campaign && f.Entity.Id < 20), f => Assert.Equal("USD", f.Currency));
    }

    [Fact]
    public void Outliers_CpaAndRoasAgainstTheirCurrency_AndSpendWithoutConversions()
    {
        var campaigns = new List<SuggestionRules.CampaignInfo> { new(10, 1, "Dear", true, null), new(11, 1, "Fine", true, null), new(12, 1, "Dry", true, null), new(13, 1, "Star", true, null) };
        // All: spend 400, 20 conversions (CPA 20), revenue 800 (ROAS 2).
        var week = new Dictionary<long, Sums> { [10] = S(100m, 2, 60m), [11] = S(100m, 10, 120m), [12] = S(40m, 0, 20m), [13] = S(160m, 8, 600m) };

        var findings = Evaluate(With(campaigns, week)).Findings;

        var cpa = findings.Where(f => f.Rule == "cpa_outlier").ToList();
        Assert.Equal([10L, 12L], cpa.Select(f => f.Entity!.Id));
        Assert.Equal((50m, 20m, 2.5m), (cpa[0].Evidence["cpa"], cpa[0].Evidence["currencyCpa"], cpa[0].Evidence["ratio"]));
        Assert.Null(cpa[1].Evidence["cpa"]);
        var roas = findings.Where(f => f.Rule == "roas_outlier").Select(f => (f.Entity!.Id, f.Severity)).ToList();
        Assert.Equal([(10L, "warning"), (12L, "warning")], roas);
    }

    [Fact]
    public void Anomalies_SpikeDropAndMissingConversions_AgainstTheWeekBefore()
    {
        var usual = S(100m, 5, 300m);
        var days = Days(1, usual, day: (From, S(250m, 12, 600m)))
            .Where(d => d.Date != From.AddDays(1)) // a day without any delivery
            .Select(d => d.Date == From.AddDays(2) ? d with { Sums = S(90m, 0, 0m) } : d)
            .ToList();

        var anomalies = Evaluate(With(days: days)).Findings.Where(f => f.Rule.StartsWith("anomaly_", StringComparison.Ordinal)).ToList();

        Assert.Equal(
            [("anomaly_spend_spike", From), ("anomaly_spend_drop", From.AddDays(1)), ("anomaly_no_conversions", From.AddDays(2))],
            anomalies.Select(f => (f.Rule, f.Date!.Value)));
        Assert.All(anomalies, f => Assert.Equal((ReportLevel.Account, 1L, "USD"), (f.Entity!.Level, f.Entity.Id, f.Currency)));
        Assert.Equal(2.5m, anomalies[0].Evidence["ratio"]);
    }

    [Fact]
    public void Anomalies_AccountWithoutAWeekBefore_HasNone()
    {
        var days = Days(1, S(0m, 0, 0m), thisWeek: S(500m, 1, 0m));

        Assert.DoesNotContain(Evaluate(With(days: days)).Findings, f => f.Rule.StartsWith("anomaly_", StringComparison.Ordinal));
    }

    [Fact]
    public void DashboardSuggestions_AreFindingsWithTheirCurrency()
    {
        var week = new SuggestionRules.Input(
            new Dictionary<long, Sums> { [2] = S(1000m, 100, 0m) }, new Dictionary<long, Sums> { [20] = S(600m, 30, 1500m) }, new Dictionary<long, Sums>(),
            new Dictionary<long, Sums> { [20] = S(95m, 5, 200m) }, new Dictionary<long, Sums> { [200] = S(200m, 10, 0m) },
            [new SuggestionRules.CampaignInfo(20, 2, "Euro", true, 100m)], [new SuggestionRules.AdSetInfo(200, 2, "Broad", true)]);

        var findings = Evaluate(new Input(From, To, [Usd, Eur], week, [])).Findings;

        Assert.Equal([("high_cpa_ad_set", "warning", "EUR"), ("budget_limited_winner", "opportunity", "EUR")],
            findings.Select(f => (f.Rule, f.Severity, f.Currency)));
    }
}
