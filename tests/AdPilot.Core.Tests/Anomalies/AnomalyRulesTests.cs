using AdPilot.Core.Anomalies;
using AdPilot.Core.Notifications;

namespace AdPilot.Core.Tests.Anomalies;

/// <summary>The detector on constructed series: what it finds, what it must not, and when it keeps quiet.</summary>
public sealed class AnomalyRulesTests
{
    private static readonly AnomalyOptions Options = new();

    /// <summary>A day of <paramref name="spend"/> at CPM 10, CTR 1.5 %, the given CPA and ROAS.</summary>
    private static DayNumbers Day(double spend, double cpa = 20, double roas = 3, double ctr = 0.015)
    {
        var impressions = (long)Math.Round(spend / 10 * 1000);
        var conversions = cpa <= 0 ? 0 : (long)Math.Round(spend / cpa);
        return new DayNumbers((decimal)spend, impressions, (long)Math.Round(impressions * ctr), conversions, (decimal)(spend * roas));
    }

    private static DayNumbers[] Weeks(params double[] spend) => spend.Select(s => Day(s)).ToArray();

    private static AnomalyInput Input(DayNumbers today, double share, IReadOnlyList<DayNumbers> history, bool expectsDelivery = true) =>
        new(today, share, history, expectsDelivery);

    [Fact]
    public void Evaluate_SpendSpike_IsFoundAsUrgentPacing()
    {
        var evaluation = AnomalyRules.Evaluate(Input(Day(1500), 0.5, Weeks(1000, 1040, 980, 1010)), Options);

        var pacing = Assert.Single(evaluation.Findings, f => f.Type == AnomalyTypes.SpendPacing);
        Assert.Equal(NotificationType.Urgent, pacing.Severity);
        Assert.Equal(1500m, pacing.Observed);
        Assert.InRange(pacing.Expected, 500m, 510m); // the median day (1005) times the share of the day
        Assert.True(pacing.ExpectedHigh < 1000m && pacing.ExpectedLow > 250m, $"{pacing.ExpectedLow}..{pacing.ExpectedHigh}");
    }

    [Fact]
    public void Evaluate_SpendWithinTheUsualRange_IsNormalAndJudged()
    {
        var evaluation = AnomalyRules.Evaluate(Input(Day(560), 0.5, Weeks(1000, 1040, 980, 1010)), Options);

        Assert.Empty(evaluation.Findings);
        Assert.Contains(AnomalyTypes.SpendPacing, evaluation.Judged);
        Assert.Contains(AnomalyTypes.CpaSpike, evaluation.Judged);
        Assert.Contains(AnomalyTypes.CtrCollapse, evaluation.Judged);
    }

    /// <summary>
    /// 120 days with a strong weekly pattern (weekends at half the weekday spend), a slow trend and ±12 % noise on every
    /// number: judged every day at several times of day, nothing is anomalous. Comparing with the day before would alarm.
    /// </summary>
    [Fact]
    public void Evaluate_OrdinaryWeeklySeasonality_RaisesNothing()
    {
        double[] weekday = [0.5, 1.1, 1.2, 1.25, 1.2, 1.0, 0.55];
        var random = new Random(20261130);
        double Noise() => 1 + (random.NextDouble() * 2 - 1) * 0.12;
        var days = Enumerable.Range(0, 120).Select(i =>
        {
            var spend = 800 * weekday[i % 7] * (1 + 0.1 * Math.Sin(i * 2 * Math.PI / 45)) * Noise();
            return Day(spend, cpa: 20 * Noise(), roas: 3 * Noise(), ctr: 0.015 * Noise());
        }).ToArray();

        var findings = new List<string>();
        for (var i = 35; i < days.Length; i++)
        {
            var history = Enumerable.Range(1, 4).Select(k => days[i - 7 * k]).ToList();
            foreach (var share in new[] { 0.3, 0.6, 1.0 })
            {
                var t = days[i];
                var today = new DayNumbers(t.Spend * (decimal)share, (long)(t.Impressions * share), (long)(t.Clicks * share), (long)(t.Conversions * share), t.Revenue * (decimal)share);
                findings.AddRange(AnomalyRules.Evaluate(Input(today, share, history), Options).Findings.Select(f => $"day {i} at {share}: {f.Type} {f.Observed} vs {f.ExpectedLow}..{f.ExpectedHigh}"));
            }
        }

        Assert.Empty(findings);
        var naive = AnomalyRules.Evaluate(Input(days[36], 1, [days[35], days[35], days[35], days[35]]), Options); // Monday judged by Sunday
        Assert.Contains(naive.Findings, f => f.Type == AnomalyTypes.SpendPacing);
    }

    [Fact]
    public void Evaluate_LowVolume_IsIgnored()
    {
        var tiny = AnomalyRules.Evaluate(Input(Day(15, cpa: 0, ctr: 0.001), 0.5, Weeks(6, 5, 7, 6)), Options); // five times the usual pace, no conversions, CTR down 90 %: all tiny
        Assert.Empty(tiny.Findings);
        Assert.Empty(tiny.Judged);

        // Enough spend, but too few conversions to judge CPA: two conversions instead of the usual four are noise.
        var fewConversions = AnomalyRules.Evaluate(Input(Day(100, cpa: 50), 1, [Day(100, 25), Day(100, 25), Day(100, 25), Day(100, 25)]), Options);
        Assert.DoesNotContain(fewConversions.Findings, f => f.Type == AnomalyTypes.CpaSpike);
        Assert.DoesNotContain(AnomalyTypes.CpaSpike, fewConversions.Judged);
    }

    [Fact]
    public void Evaluate_TooEarlyInTheDay_OrWithoutHistory_JudgesNothing()
    {
        Assert.Empty(AnomalyRules.Evaluate(Input(Day(900), 0.1, Weeks(1000, 1000, 1000, 1000)), Options).Judged);
        Assert.Empty(AnomalyRules.Evaluate(Input(Day(900), 0.5, Weeks(0, 0, 1000, 1000)), Options).Judged);
    }

    [Fact]
    public void Evaluate_ConversionDrop_IsACpaSpikeAndARoasDrop()
    {
        var drop = Day(1000, cpa: 100, roas: 0.6);
        var evaluation = AnomalyRules.Evaluate(Input(drop, 1, Weeks(1000, 990, 1020, 1005)), Options);

        var cpa = Assert.Single(evaluation.Findings, f => f.Type == AnomalyTypes.CpaSpike);
        Assert.Equal(100m, cpa.Observed);
        Assert.InRange(cpa.Expected, 19.9m, 20.1m);
        var roas = Assert.Single(evaluation.Findings, f => f.Type == AnomalyTypes.RoasDrop);
        Assert.Equal(0.6m, roas.Observed);
        Assert.Equal(3m, roas.Expected);
    }

    [Fact]
    public void Evaluate_CtrCollapse_IsFound()
    {
        var evaluation = AnomalyRules.Evaluate(Input(Day(500, ctr: 0.004), 0.5, Weeks(1000, 990, 1020, 1005)), Options);

        var ctr = Assert.Single(evaluation.Findings);
        Assert.Equal((AnomalyTypes.CtrCollapse, 0.004m, 0.015m), (ctr.Type, ctr.Observed, ctr.Expected));
    }

    [Fact]
    public void Evaluate_NoDeliveryOnAnActiveCampaign_IsZeroDelivery_ButNotWhenNothingShouldDeliver()
    {
        var history = Weeks(1000, 990, 1020, 1005);

        var active = AnomalyRules.Evaluate(Input(default, 0.5, history), Options);
        var zero = Assert.Single(active.Findings);
        Assert.Equal((AnomalyTypes.ZeroDelivery, 0m, NotificationType.Important), (zero.Type, zero.Observed, zero.Severity));

        Assert.Empty(AnomalyRules.Evaluate(Input(default, 0.5, history, expectsDelivery: false), Options).Findings);
    }

    [Fact]
    public void Evaluate_SpendWithoutConversions_PastFiveTypicalCpas_IsFound()
    {
        var history = Weeks(300, 300, 300, 300); // CPA 20: zero conversions is anomalous from 100 spent

        var early = AnomalyRules.Evaluate(Input(Day(80, cpa: 0), 0.3, history), Options);
        Assert.Empty(early.Findings);
        Assert.Contains(AnomalyTypes.SpendNoConversions, early.Judged);

        var none = Assert.Single(AnomalyRules.Evaluate(Input(Day(120, cpa: 0), 0.4, history), Options).Findings);
        Assert.Equal((AnomalyTypes.SpendNoConversions, 120m, 20m, 100m), (none.Type, none.Observed, none.Expected, none.ExpectedHigh));
    }

    [Theory]
    [InlineData(7.0, 500, NotificationType.Urgent)]
    [InlineData(7.0, 100, NotificationType.Important)]
    [InlineData(3.5, 100, NotificationType.Important)]
    [InlineData(3.5, 20, NotificationType.General)]
    [InlineData(-9.0, 1000, NotificationType.Urgent)]
    public void Severity_FollowsDistanceAndMoneyAtStake(double score, int atStake, NotificationType expected) =>
        Assert.Equal(expected, AnomalyRules.Severity(score, atStake, Options));
}
