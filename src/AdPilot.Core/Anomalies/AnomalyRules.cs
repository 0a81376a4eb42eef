using AdPilot.Core.Notifications;

namespace AdPilot.Core.Anomalies;

/// <summary>
/// The detector: pure functions over one entity's numbers (ADR 038). Each rule first checks it has enough volume and
/// history to judge; a rule that cannot judge says nothing (and does not resolve an open episode either).
/// </summary>
public static class AnomalyRules
{
    public static AnomalyEvaluation Evaluate(AnomalyInput input, AnomalyOptions o)
    {
        // Days without spend (before the entity existed, paused) are not a baseline: they would drag the median down.
        var history = input.History.Where(d => d.Spend > 0).ToList();
        if (input.DayShare < o.MinDayShare || history.Count < o.MinHistoryDays)
        {
            return AnomalyEvaluation.None;
        }

        input = input with { History = history };

        var findings = new List<AnomalyFinding>();
        var judged = new HashSet<string>();
        void Add(string type, AnomalyFinding? finding)
        {
            judged.Add(type);
            if (finding is not null)
            {
                findings.Add(finding);
            }
        }

        if (Pacing(input, o) is { } pacing)
        {
            Add(AnomalyTypes.SpendPacing, pacing.Type == AnomalyTypes.SpendPacing ? pacing.Finding : null);
            if (input.ExpectsDelivery)
            {
                Add(AnomalyTypes.ZeroDelivery, pacing.Type == AnomalyTypes.ZeroDelivery ? pacing.Finding : null);
            }
        }

        var cpa = Cpa(input, o);
        if (cpa is { } baselineCpa)
        {
            var expectedConversions = (double)input.Today.Spend / baselineCpa.Median;
            if (input.Today.Conversions == 0)
            {
                Add(AnomalyTypes.SpendNoConversions, NoConversions(input, baselineCpa, o));
            }
            else if (input.Today.Spend >= o.MinSpend && expectedConversions >= o.MinConversions)
            {
                var noise = 1 / Math.Sqrt(expectedConversions);
                Add(AnomalyTypes.CpaSpike, CpaSpike(input, baselineCpa.Widen(noise), o));
                if (Roas(input) is { } roas)
                {
                    Add(AnomalyTypes.RoasDrop, RoasDrop(input, roas.Widen(Math.Max(noise, o.MinSpread)), o));
                }
            }
        }

        if (Ctr(input, o) is { } ctr)
        {
            Add(AnomalyTypes.CtrCollapse, ctr.Finding);
        }

        return new AnomalyEvaluation(findings, judged);
    }

    /// <summary>Spend so far against the median day scaled by the intraday curve; zero spend is "zero delivery" instead.</summary>
    private static (string Type, AnomalyFinding? Finding)? Pacing(AnomalyInput input, AnomalyOptions o)
    {
        if (AnomalyBand.Of(input.History.Select(d => (double)d.Spend).ToList(), o.PacingMinSpread) is not { } band
            || band.Median < (double)o.MinSpend)
        {
            return null;
        }

        var share = input.DayShare;
        var spend = (double)input.Today.Spend;
        var (expected, low, high) = (band.Median * share, band.Low(o.Threshold, share), band.High(o.Threshold, share));
        if (input.Today.Spend == 0 && input.Today.Impressions == 0)
        {
            return (AnomalyTypes.ZeroDelivery, input.ExpectsDelivery
                ? Finding(AnomalyTypes.ZeroDelivery, 0, expected, low, high, double.NegativeInfinity, (decimal)expected, o, NotificationType.Important)
                : null);
        }

        var score = band.Score(spend, share);
        if (spend <= high && spend >= low)
        {
            return (AnomalyTypes.SpendPacing, null);
        }

        // Overspend is money burning; underspend is lost delivery, never urgent.
        var atStake = (decimal)Math.Abs(spend - expected);
        return (AnomalyTypes.SpendPacing, Finding(AnomalyTypes.SpendPacing, spend, expected, low, high, score, atStake, o,
            spend > high ? NotificationType.Urgent : NotificationType.Important));
    }

    private static AnomalyBand? Cpa(AnomalyInput input, AnomalyOptions o) =>
        AnomalyBand.Of(input.History.Where(d => d.Conversions > 0).Select(d => (double)d.Spend / d.Conversions).ToList(), o.MinSpread);

    private static AnomalyFinding? CpaSpike(AnomalyInput input, AnomalyBand band, AnomalyOptions o)
    {
        var cpa = (double)input.Today.Spend / input.Today.Conversions;
        var high = band.High(o.Threshold);
        return cpa <= high ? null : Finding(AnomalyTypes.CpaSpike, cpa, band.Median, band.Low(o.Threshold), high, band.Score(cpa),
            input.Today.Spend - (decimal)(input.Today.Conversions * band.Median), o);
    }

    private static AnomalyBand? Roas(AnomalyInput input) =>
        AnomalyBand.Of(input.History.Where(d => d.Spend > 0).Select(d => (double)(d.Revenue / d.Spend)).ToList(), 0);

    private static AnomalyFinding? RoasDrop(AnomalyInput input, AnomalyBand band, AnomalyOptions o)
    {
        var roas = (double)(input.Today.Revenue / input.Today.Spend);
        var low = band.Low(o.Threshold);
        return roas >= low ? null : Finding(AnomalyTypes.RoasDrop, roas, band.Median, low, band.High(o.Threshold), band.Score(roas),
            (decimal)((band.Median - roas) * (double)input.Today.Spend), o);
    }

    /// <summary>No conversion at all while spend passed several typical CPAs (a broken pixel, a dead landing page).</summary>
    private static AnomalyFinding? NoConversions(AnomalyInput input, AnomalyBand cpa, AnomalyOptions o)
    {
        var limit = Math.Max((double)o.MinSpend, o.NoConversionMultiple * cpa.Median);
        var spend = (double)input.Today.Spend;
        return spend < limit ? null : Finding(AnomalyTypes.SpendNoConversions, spend, cpa.Median, 0, limit,
            -Math.Sqrt(2 * spend / cpa.Median), input.Today.Spend, o);
    }

    /// <summary>Null when CTR cannot be judged; otherwise the finding, itself null when CTR is normal.</summary>
    private static (AnomalyFinding? Finding, bool Judged)? Ctr(AnomalyInput input, AnomalyOptions o)
    {
        if (AnomalyBand.Of(input.History.Where(d => d.Impressions > 0).Select(d => (double)d.Clicks / d.Impressions).ToList(), o.MinSpread) is not { } band)
        {
            return null;
        }

        var expectedClicks = input.Today.Impressions * band.Median;
        if (expectedClicks < o.MinClicks || input.Today.Spend < o.MinSpend)
        {
            return null;
        }

        band = band.Widen(1 / Math.Sqrt(expectedClicks));
        var ctr = (double)input.Today.Clicks / input.Today.Impressions;
        var low = band.Low(o.Threshold);
        return (ctr >= low ? null : Finding(AnomalyTypes.CtrCollapse, ctr, band.Median, low, band.High(o.Threshold), band.Score(ctr), input.Today.Spend, o), true);
    }

    /// <summary>
    /// Urgent only when far out (twice the threshold) and a lot of money is at stake; important when either; else general.
    /// <paramref name="cap"/> bounds what a rule may claim (lost delivery is never urgent).
    /// </summary>
    internal static NotificationType Severity(double score, decimal atStake, AnomalyOptions o, NotificationType cap = NotificationType.Urgent)
    {
        var far = Math.Abs(score) >= 2 * o.Threshold;
        var severity = far && atStake >= o.UrgentAmount ? NotificationType.Urgent
            : far || atStake >= o.ImportantAmount ? NotificationType.Important
            : NotificationType.General;
        return Rank(severity) > Rank(cap) ? cap : severity;
    }

    private static int Rank(NotificationType type) => type switch
    {
        NotificationType.Urgent => 2,
        NotificationType.Important => 1,
        _ => 0,
    };

    private static AnomalyFinding Finding(string type, double observed, double expected, double low, double high, double score, decimal atStake, AnomalyOptions o,
        NotificationType cap = NotificationType.Urgent) =>
        new(type, Severity(score, atStake, o, cap), Round(observed), Round(expected), Round(low), Round(high), score);

    private static decimal Round(double value) => double.IsFinite(value) ? decimal.Round((decimal)value, 6) : 0m;
}
