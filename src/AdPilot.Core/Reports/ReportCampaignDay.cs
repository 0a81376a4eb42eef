namespace AdPilot.Core.Reports;

/// <summary>
/// Exact rollup: the sums of every ad-day row (live and archived) of one campaign on one day. Rebuilt from the ad
/// rows whenever they change, so account- and campaign-level queries read ~1/8 of the rows and stay exact.
/// </summary>
public sealed class ReportCampaignDay : IDayFacts
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long AdAccountId { get; set; }
    public long CampaignId { get; set; }
    public DateOnly Date { get; set; }
    public string Currency { get; set; } = "USD";
    public decimal Spend { get; set; }
    public long Impressions { get; set; }
    public long Clicks { get; set; }
    public long Conversions { get; set; }
    public decimal Revenue { get; set; }
}
