namespace AdPilot.Core.Reports;

/// <summary>
/// Exact rollup of the campaign-day rollup by ISO week: the sums of one campaign's days from Monday (<see cref="Date"/>)
/// to Sunday. Rebuilt with the days it covers, so a long range reads its whole weeks here and only the days at its
/// edges from <see cref="ReportCampaignDay"/> (a 90-day range: about 24 rows per campaign instead of 90).
/// </summary>
public sealed class ReportCampaignWeek : IDayFacts
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long AdAccountId { get; set; }
    public long CampaignId { get; set; }

    /// <summary>The Monday the week starts on.</summary>
    public DateOnly Date { get; set; }

    public string Currency { get; set; } = "USD";
    public decimal Spend { get; set; }
    public long Impressions { get; set; }
    public long Clicks { get; set; }
    public long Conversions { get; set; }
    public decimal Revenue { get; set; }
}
