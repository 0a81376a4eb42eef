using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Anomalies;

/// <summary>Section <c>Anomalies</c>: the detector's parameters (ADR 038 says how they were tuned).</summary>
public sealed class AnomalyOptions
{
    public const string Section = "Anomalies";

    /// <summary>How many earlier same weekdays make the baseline (their median and MAD).</summary>
    [Range(3, 12, ErrorMessage = "Anomalies:HistoryWeeks must be between 3 and 12.")]
    public int HistoryWeeks { get; set; } = 4;

    /// <summary>How many of those days must have spend before anything is judged (a new campaign has no baseline yet).</summary>
    [Range(2, 12, ErrorMessage = "Anomalies:MinHistoryDays must be between 2 and 12.")]
    public int MinHistoryDays { get; set; } = 3;

    /// <summary>How many (robust) standard deviations, in log space, outside the median counts as anomalous.</summary>
    [Range(1.5, 10, ErrorMessage = "Anomalies:Threshold must be between 1.5 and 10.")]
    public double Threshold { get; set; } = 3.5;

    /// <summary>The smallest relative spread of a ratio (CPA, ROAS, CTR): four calm weeks must not make a tiny band.</summary>
    [Range(0.01, 1, ErrorMessage = "Anomalies:MinSpread must be between 0.01 and 1.")]
    public double MinSpread { get; set; } = 0.10;

    /// <summary>The smallest relative spread of spend pacing: the intraday curve is a model, not a measurement.</summary>
    [Range(0.01, 1, ErrorMessage = "Anomalies:PacingMinSpread must be between 0.01 and 1.")]
    public double PacingMinSpread { get; set; } = 0.15;

    /// <summary>Today's checks wait until this share of a typical day's spend is expected (before, "so far" is mostly noise).</summary>
    [Range(0.01, 1, ErrorMessage = "Anomalies:MinDayShare must be between 0.01 and 1.")]
    public double MinDayShare { get; set; } = 0.25;

    /// <summary>Minimum spend (account currency) so far today, and of a typical day, before anything is judged.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Anomalies:MinSpend must be between 0 and 1000000.")]
    public decimal MinSpend { get; set; } = 20m;

    /// <summary>Minimum expected conversions so far before CPA and ROAS are judged.</summary>
    [Range(1, 10_000, ErrorMessage = "Anomalies:MinConversions must be between 1 and 10000.")]
    public double MinConversions { get; set; } = 5;

    /// <summary>Minimum expected clicks so far before CTR is judged.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Anomalies:MinClicks must be between 1 and 1000000.")]
    public double MinClicks { get; set; } = 50;

    /// <summary>Zero conversions are anomalous once spend reaches this many typical CPAs (Poisson: e^-5 ≈ 0.7 %).</summary>
    [Range(1, 100, ErrorMessage = "Anomalies:NoConversionMultiple must be between 1 and 100.")]
    public double NoConversionMultiple { get; set; } = 5;

    /// <summary>Money at stake (account currency) from which a far-out anomaly is urgent.</summary>
    [Range(0, 1_000_000_000, ErrorMessage = "Anomalies:UrgentAmount must be between 0 and 1000000000.")]
    public decimal UrgentAmount { get; set; } = 200m;

    /// <summary>Money at stake from which an anomaly is important (below: general).</summary>
    [Range(0, 1_000_000_000, ErrorMessage = "Anomalies:ImportantAmount must be between 0 and 1000000000.")]
    public decimal ImportantAmount { get; set; } = 50m;

    /// <summary>An open episode that no run could judge for this long (no data, too early in the day) is closed.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(24);
}
