namespace AdPilot.Core.Reports;

/// <summary>The columns of a rollup: exact sums over a period (a day or a week) in one currency.</summary>
public abstract class ReportRollup : IDayFacts
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long AdAccountId { get; set; }

    /// <summary>The first day of the period.</summary>
    public DateOnly Date { get; set; }

    public string Currency { get; set; } = "USD";
    public decimal Spend { get; set; }
    public long Impressions { get; set; }
    public long Clicks { get; set; }
    public long Conversions { get; set; }
    public decimal Revenue { get; set; }
}

/// <summary>A rollup of one campaign.</summary>
public abstract class CampaignRollup : ReportRollup, ICampaignFacts
{
    public long CampaignId { get; set; }
}

/// <summary>
/// Exact rollup: the sums of every ad-day row (live and archived) of one campaign on one day. Rebuilt from the ad
/// rows whenever they change, so campaign-level queries and breakdowns read ~1/8 of the rows and stay exact.
/// </summary>
public sealed class ReportCampaignDay : CampaignRollup;

/// <summary>
/// Exact rollup of the day rollup by ISO week: one campaign's days from Monday (<see cref="ReportRollup.Date"/>) to
/// Sunday. Rebuilt with the days it covers, so a long range reads its whole weeks here and only the days at its edges
/// from <see cref="ReportCampaignDay"/> (a 90-day range: at most 24 rows per campaign instead of 90).
/// </summary>
public sealed class ReportCampaignWeek : CampaignRollup;

/// <summary>
/// Exact rollup of the campaign-day rollup by ad account: what account-level series and totals read (one row per
/// account and day however many campaigns it runs).
/// </summary>
public sealed class ReportAccountDay : ReportRollup;
