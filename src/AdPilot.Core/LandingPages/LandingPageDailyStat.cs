namespace AdPilot.Core.LandingPages;

/// <summary>A page's counts for one day (UTC): views and CTA clicks from the beacon, leads from the form. One row per page per day.</summary>
public sealed class LandingPageDailyStat
{
    public long LandingPageId { get; set; }
    public long UserId { get; set; }
    public DateOnly Date { get; set; }
    public long Views { get; set; }
    public long Clicks { get; set; }
    public long Leads { get; set; }
}
