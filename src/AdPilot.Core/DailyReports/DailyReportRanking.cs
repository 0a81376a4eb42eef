using AdPilot.Core.Reports;

namespace AdPilot.Core.DailyReports;

/// <summary>
/// Top and bottom campaigns of one account and day, as pure functions of the numbers. Only campaigns that spent at least
/// <see cref="MinSpendShare"/> of the account's day take part, so a campaign that spent cents cannot top the list by luck.
/// Ranked by ROAS when the account had revenue that day, else by CPA (a campaign that spent without converting is worst).
/// </summary>
public static class DailyReportRanking
{
    public const decimal MinSpendShare = 0.05m;
    public const int Count = 3;

    public static (string RankedBy, IReadOnlyList<DailyCampaign> Top, IReadOnlyList<DailyCampaign> Bottom) Rank(Sums account, IReadOnlyList<DailyCampaign> campaigns)
    {
        var minimum = account.Spend * MinSpendShare;
        var eligible = campaigns.Where(c => c.Totals.Spend > 0 && c.Totals.Spend >= minimum).ToList();
        var byRoas = account.Revenue > 0;
        var best = (byRoas
                ? eligible.OrderByDescending(c => c.Totals.Roas ?? 0)
                : eligible.OrderBy(c => c.Totals.Cpa is null ? 1 : 0).ThenBy(c => c.Totals.Cpa ?? 0))
            .ThenByDescending(c => c.Totals.Spend).ThenBy(c => c.Id).ToList();
        // Never the same campaign in both lists: with fewer than six, the better half is the top and the rest the bottom.
        var topCount = Math.Min(Count, (best.Count + 1) / 2);
        var top = best.Take(topCount).ToList();
        var bottom = best.Skip(topCount).Reverse().Take(Count).ToList();
        return (byRoas ? "roas" : "cpa", top, bottom);
    }
}
