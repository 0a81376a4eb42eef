namespace AdPilot.Core.Reports;

/// <summary>
/// An ad-day row moved out of <see cref="ReportMetric"/> by archival (P20): the same facts, in a table the daily
/// queries at ad set and ad level also read, so every aggregate is unchanged by the move.
/// </summary>
public sealed class ReportArchivedMetric : IAdFacts
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
    public DateTime ArchivedAt { get; set; }
}
