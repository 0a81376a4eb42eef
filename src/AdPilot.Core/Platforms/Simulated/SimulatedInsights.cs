namespace AdPilot.Core.Platforms.Simulated;

/// <summary>
/// Daily numbers for every ad, computed (not stored) from the seed, the ad and the day: a base level per ad, weekly
/// seasonality, a slow trend and noise. The same inputs always give the same numbers.
/// </summary>
internal static class SimulatedInsights
{
    private static readonly double[] Weekday = [0.9, 1.0, 1.03, 1.05, 1.02, 0.95, 0.85]; // Sunday first

    public static IEnumerable<PlatformInsightRow> Daily(int seed, IReadOnlyList<SimEntity> tree, string currency, PlatformLevel level, DateOnly from, DateOnly to)
    {
        var byId = tree.ToDictionary(e => e.Id);
        var rows = new List<PlatformInsightRow>();
        foreach (var ad in tree.Where(e => e.Level == PlatformLevel.Ad))
        {
            var adSet = ad.ParentId is { } p && byId.TryGetValue(p, out var s) ? s : null;
            var campaign = adSet?.ParentId is { } q && byId.TryGetValue(q, out var c) ? c : null;
            if (adSet is null || campaign is null)
            {
                continue;
            }

            for (var day = from; day <= to; day = day.AddDays(1))
            {
                if (Delivering(ad, day) && Delivering(adSet, day) && Delivering(campaign, day) && InSchedule(campaign, day))
                {
                    rows.Add(Day(seed, campaign.Id, adSet.Id, ad.Id, day, currency));
                }
            }
        }

        return level == PlatformLevel.Ad ? rows : Roll(rows, level);
    }

    private static bool Delivering(SimEntity e, DateOnly day) =>
        day >= e.CreatedOn && (e.Status == PlatformStatus.Active ? day >= e.StatusSince : day < e.StatusSince);

    private static bool InSchedule(SimEntity campaign, DateOnly day) =>
        (campaign.StartDate is null || day >= campaign.StartDate) && (campaign.EndDate is null || day <= campaign.EndDate);

    private static PlatformInsightRow Day(int seed, string campaignId, string adSetId, string adId, DateOnly day, string currency)
    {
        double U(string what) => StableHash.Unit(seed, adId, what);
        double Noise(string what, double spread) => 1 + ((StableHash.Unit(seed, adId, day.DayNumber, what) * 2) - 1) * spread;

        var baseSpend = 15 + U("spend") * 75;
        var trend = 1 + 0.1 * Math.Sin((day.DayNumber + U("phase") * 45) * 2 * Math.PI / 45);
        var spend = Math.Round(baseSpend * Weekday[(int)day.DayOfWeek] * trend * Noise("spend", 0.2), 2);
        var cpm = 6 + U("cpm") * 12;
        var impressions = (long)Math.Round(spend / cpm * 1000 * Noise("impressions", 0.05));
        var ctr = 0.006 + U("ctr") * 0.022;
        var clicks = (long)Math.Round(impressions * ctr * Noise("clicks", 0.15));
        var cvr = 0.015 + U("cvr") * 0.055;
        var conversions = (long)Math.Round(clicks * cvr * Noise("conversions", 0.35));
        var orderValue = 25 + U("aov") * 95;
        var revenue = Math.Round(conversions * orderValue * Noise("revenue", 0.15), 2);
        return new PlatformInsightRow(day, campaignId, adSetId, adId, (decimal)spend, impressions, clicks, conversions, (decimal)revenue, currency);
    }

    internal static List<PlatformInsightRow> Roll(List<PlatformInsightRow> rows, PlatformLevel level) =>
        rows.GroupBy(r => (r.Date, Key: level switch
            {
                PlatformLevel.Campaign => r.CampaignId,
                PlatformLevel.AdSet => r.AdSetId,
                _ => null,
            }))
            .Select(g =>
            {
                var first = g.First();
                return new PlatformInsightRow(g.Key.Date,
                    level is PlatformLevel.Campaign or PlatformLevel.AdSet ? first.CampaignId : null,
                    level == PlatformLevel.AdSet ? first.AdSetId : null,
                    null, g.Sum(r => r.Spend), g.Sum(r => r.Impressions), g.Sum(r => r.Clicks), g.Sum(r => r.Conversions), g.Sum(r => r.Revenue), first.Currency);
            })
            .OrderBy(r => r.Date)
            .ToList();
}
