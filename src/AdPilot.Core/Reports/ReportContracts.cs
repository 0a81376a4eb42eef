using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Reports;

public enum ReportLevel
{
    Account,
    Campaign,
    AdSet,
    Ad,
}

public enum ReportGranularity
{
    Day,
    Week,
    Month,
}

public sealed record MetricInput
{
    /// <summary>
    /// The most impressions, clicks or conversions one ad reports for one day: far above any real ad, and low enough that
    /// the rollups' sums (a campaign's week, an account's ten years) cannot overflow a 64-bit integer.
    /// </summary>
    public const long MaxCount = 10_000_000_000;

    private const string CountError = "Counts are between 0 and 10,000,000,000 per ad and day.";

    [Range(1, long.MaxValue)]
    public long AdId { get; init; }

    [ReportDate]
    public DateOnly Date { get; init; }

    [Range(typeof(decimal), "0", "1000000000")]
    public decimal Spend { get; init; }

    [Range(0, MaxCount, ErrorMessage = CountError)]
    public long Impressions { get; init; }

    [Range(0, MaxCount, ErrorMessage = CountError)]
    public long Clicks { get; init; }

    [Range(0, MaxCount, ErrorMessage = CountError)]
    public long Conversions { get; init; }

    [Range(typeof(decimal), "0", "1000000000")]
    public decimal Revenue { get; init; }

    /// <summary>ISO 4217; the ad account's currency when omitted, and it must be that currency when given.</summary>
    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter ISO code such as USD.")]
    public string? Currency { get; init; }
}

public sealed record SaveMetricsRequest
{
    [Required]
    [MinLength(1)]
    [MaxLength(5000)]
    public List<MetricInput> Metrics { get; init; } = [];
}

public sealed record SaveMetricsResult(int Saved);

/// <summary>
/// What a query covers. <see cref="EntityId"/> is the id of an entity at <see cref="Level"/> (the ad account's id at
/// account level); without it the query covers all of the user's data (narrowed by <see cref="AdAccountId"/>).
/// Dates are the accounts' reporting days, inclusive; without them the last 7 days up to the user's today.
/// </summary>
public sealed record ReportScope
{
    [ReportDate]
    public DateOnly? From { get; init; }

    [ReportDate]
    public DateOnly? To { get; init; }

    public long? AdAccountId { get; init; }
    public ReportLevel Level { get; init; } = ReportLevel.Account;
    public long? EntityId { get; init; }

    [RegularExpression("^[A-Z]{3}$", ErrorMessage = "Currency must be a three-letter ISO code such as USD.")]
    public string? Currency { get; init; }
}

/// <summary>Additive sums and the ratios derived from them (null when the denominator is 0).</summary>
public sealed record MetricTotals(decimal Spend, long Impressions, long Clicks, long Conversions, decimal Revenue, decimal? Ctr, decimal? Cpc, decimal? Cpa, decimal? Roas);

public sealed record SeriesPoint(DateOnly Period, decimal Spend, long Impressions, long Clicks, long Conversions, decimal Revenue, decimal? Ctr, decimal? Cpc, decimal? Cpa, decimal? Roas);

public sealed record CurrencySeries(string Currency, IReadOnlyList<SeriesPoint> Points);

public sealed record MetricsReport(DateOnly From, DateOnly To, ReportLevel Level, ReportGranularity Granularity, IReadOnlyList<CurrencySeries> Series);

public sealed record MetricChange(decimal? Spend, decimal? Impressions, decimal? Clicks, decimal? Conversions, decimal? Revenue, decimal? Ctr, decimal? Cpc, decimal? Cpa, decimal? Roas);

public sealed record CurrencySummary(string Currency, MetricTotals Current, MetricTotals Previous, MetricChange Change);

public sealed record SummaryReport(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, IReadOnlyList<CurrencySummary> Totals);

public sealed record BreakdownRow(
    string EntityType, long Id, string Name, string? Status, string Currency,
    decimal Spend, long Impressions, long Clicks, long Conversions, decimal Revenue, decimal? Ctr, decimal? Cpc, decimal? Cpa, decimal? Roas);

public sealed record BreakdownReport(DateOnly From, DateOnly To, ReportLevel Level, long? EntityId, string ChildType, string Sort, bool Descending, IReadOnlyList<BreakdownRow> Rows);

public sealed record SuggestionEntity(ReportLevel Level, long Id, string Name);

/// <summary>Where an ad set or ad sits: what a drill-down opens to show it.</summary>
public sealed record ReportEntityPath(long AdAccountId, long CampaignId, long? AdSetId, ReportLevel Level, long Id);

public sealed record ReportSuggestion(string Rule, string Reason, SuggestionEntity Entity, string Action, IReadOnlyDictionary<string, decimal?> Numbers);

public sealed record SyncResult(long AdAccountId, DateOnly From, DateOnly To, int Rows, int Skipped, DateTime SyncedAt);

public sealed record ArchiveResult(DateOnly Cutoff, int Moved);
