using AdPilot.Core.Notifications;

namespace AdPilot.Core.Anomalies;

/// <summary>The numbers of one entity on one day, summed (full days in the history, so far for today).</summary>
public readonly record struct DayNumbers(decimal Spend, long Impressions, long Clicks, long Conversions, decimal Revenue)
{
    public static DayNumbers operator +(DayNumbers a, DayNumbers b) =>
        new(a.Spend + b.Spend, a.Impressions + b.Impressions, a.Clicks + b.Clicks, a.Conversions + b.Conversions, a.Revenue + b.Revenue);
}

/// <summary>
/// What the rules are given for one account or campaign: today so far (as of the last sync), the share of a typical day's
/// spend expected by then, and the same weekday of the previous weeks (full days; a day without numbers is zero).
/// </summary>
public sealed record AnomalyInput(DayNumbers Today, double DayShare, IReadOnlyList<DayNumbers> History, bool ExpectsDelivery);

/// <summary>One anomaly found: the measured value, the baseline and the range outside which it is anomalous.</summary>
public sealed record AnomalyFinding(string Type, NotificationType Severity, decimal Observed, decimal Expected, decimal ExpectedLow, decimal ExpectedHigh, double Score);

/// <summary>The findings and every type the rules could judge (enough volume and history); only those may resolve an episode.</summary>
public sealed record AnomalyEvaluation(IReadOnlyList<AnomalyFinding> Findings, IReadOnlySet<string> Judged)
{
    public static readonly AnomalyEvaluation None = new([], new HashSet<string>());
}
