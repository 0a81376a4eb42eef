using AdPilot.Core.Notifications;
using AdPilot.Core.Reports;

namespace AdPilot.Core.DailyReports;

/// <summary>
/// The daily report of one day (<see cref="Date"/>, the accounts' reporting day; "yesterday" in the user's time zone by
/// default): one block per ad account and currency, never summed across currencies.
/// </summary>
public sealed record DailyReport(
    DateOnly Date,
    DateOnly DayBefore,
    DateOnly SameWeekdayLastWeek,
    string TimeZone,
    string Link,
    IReadOnlyList<DailyAccountReport> Accounts,
    IReadOnlyList<DailyAnomaly> Anomalies,
    IReadOnlyList<ReportSuggestion> Suggestions)
{
    public bool HasData => Accounts.Count > 0;
}

/// <param name="RankedBy"><c>roas</c> when the account had revenue that day, else <c>cpa</c>.</param>
/// <param name="Last14Days">Spend and ROAS of the 14 days up to <see cref="DailyReport.Date"/> (days without numbers are zeros).</param>
public sealed record DailyAccountReport(
    long AdAccountId,
    string Name,
    string Platform,
    string Currency,
    MetricTotals Day,
    MetricTotals DayBefore,
    MetricTotals SameWeekdayLastWeek,
    MetricChange VsDayBefore,
    MetricChange VsSameWeekdayLastWeek,
    string RankedBy,
    IReadOnlyList<DailyCampaign> Top,
    IReadOnlyList<DailyCampaign> Bottom,
    IReadOnlyList<SeriesPoint> Last14Days);

public sealed record DailyCampaign(long Id, string Name, MetricTotals Totals);

public sealed record DailyAnomaly(
    long Id, long AdAccountId, long? CampaignId, string EntityName, string Type, NotificationType Severity, DateOnly Day, string Currency,
    decimal Observed, decimal Expected, decimal ExpectedLow, decimal ExpectedHigh, bool Resolved);
