using AdPilot.Core.Common;

namespace AdPilot.Core.Reports;

/// <summary>
/// One ad on one day. Only additive facts are stored; CTR, CPC, CPA and ROAS are derived from sums at query time,
/// never averaged. (AdId, Date) is unique: saving the same ad and day again replaces the row.
/// </summary>
public sealed class ReportMetric : IOwned, IAdFacts
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long AdAccountId { get; set; }
    public long CampaignId { get; set; }
    public long AdSetId { get; set; }
    public long AdId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Spend { get; set; }
    public long Impressions { get; set; }
    public long Clicks { get; set; }
    public long Conversions { get; set; }
    public decimal Revenue { get; set; }
    public string Currency { get; set; } = "USD";
    public DateTime UpdatedAt { get; set; }
}
