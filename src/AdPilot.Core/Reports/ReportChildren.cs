using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Reports;

/// <summary>The children a breakdown lists (names, status, currency), loaded with the owner check: a foreign entity is a 404.</summary>
internal sealed record ReportChildren(string Type, IReadOnlyList<ReportChildren.Child> Rows)
{
    public sealed record Child(long Id, string Name, string? Status, string Currency);

    public static async Task<ReportChildren> LoadAsync(AppDbContext db, long userId, ReportScope scope, CancellationToken ct)
    {
        switch (scope.Level)
        {
            case ReportLevel.Account:
                var accountId = scope.EntityId ?? scope.AdAccountId;
                var campaigns = db.Campaigns.Where(c => c.UserId == userId);
                campaigns = accountId is { } a ? campaigns.Where(c => c.AdAccountId == a) : campaigns;
                var rows = await campaigns.Select(c => new Child(c.Id, c.Name, c.Status.ToString(), c.Currency)).ToListAsync(ct);
                // The user's own campaigns prove the account is theirs; only an empty list needs the ownership check.
                if (rows.Count == 0 && scope.EntityId is { } id && !await db.AdAccounts.AnyAsync(x => x.Id == id && x.UserId == userId, ct))
                {
                    throw new NotFoundException("AdAccount", id);
                }

                return new("campaign", rows);
            case ReportLevel.Campaign:
                var campaign = await db.Campaigns.Where(c => c.Id == scope.EntityId && c.UserId == userId).Select(c => new { c.Id, c.Currency }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("Campaign", scope.EntityId!);
                return new("ad_set", await db.AdSets.Where(s => s.CampaignId == campaign.Id)
                    .Select(s => new Child(s.Id, s.Name, s.Status.ToString(), campaign.Currency)).ToListAsync(ct));
            case ReportLevel.AdSet:
                var adSet = await (from s in db.AdSets join c in db.Campaigns on s.CampaignId equals c.Id
                                   where s.Id == scope.EntityId && s.UserId == userId select new { s.Id, c.Currency }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("AdSet", scope.EntityId!);
                return new("ad", await db.Ads.Where(x => x.AdSetId == adSet.Id).Select(x => new Child(x.Id, x.Name, x.Status.ToString(), adSet.Currency)).ToListAsync(ct));
            default:
                var ad = await (from x in db.Ads join s in db.AdSets on x.AdSetId equals s.Id join c in db.Campaigns on s.CampaignId equals c.Id
                                where x.Id == scope.EntityId && x.UserId == userId select new { x.CreativeId, c.Currency }).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("Ad", scope.EntityId!);
                var creative = ad.CreativeId is { } cid
                    ? await db.Creatives.Where(c => c.Id == cid && c.UserId == userId).Select(c => new Child(c.Id, c.Name, null, ad.Currency)).SingleOrDefaultAsync(ct)
                    : null;
                return new("creative", creative is null ? [] : [creative]);
        }
    }

    /// <summary>Every child with its sums (zeros when it had none); numbers of a child since deleted are kept, so rows add up to the totals.</summary>
    public static List<BreakdownRow> Join(ReportChildren children, IReadOnlyList<FactSum> sums)
    {
        var byId = children.Rows.ToDictionary(c => c.Id);
        var rows = sums.Select(s => Row(children.Type, byId.GetValueOrDefault(s.Key) ?? new Child(s.Key, "(deleted)", null, s.Currency), s.Currency, s.Sums)).ToList();
        var withNumbers = sums.Select(s => s.Key).ToHashSet();
        rows.AddRange(children.Rows.Where(c => !withNumbers.Contains(c.Id)).Select(c => Row(children.Type, c, c.Currency, default)));
        return rows;
    }

    private static BreakdownRow Row(string type, Child child, string currency, Sums s) =>
        new(type, child.Id, child.Name, child.Status is null ? null : System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(child.Status), currency,
            Sums.Normalize(s.Spend), s.Impressions, s.Clicks, s.Conversions, Sums.Normalize(s.Revenue), s.Ctr, s.Cpc, s.Cpa, s.Roas);
}

internal static class BreakdownSort
{
    public static readonly IReadOnlyList<string> Keys = ["spend", "impressions", "clicks", "conversions", "revenue", "ctr", "cpc", "cpa", "roas", "cvr", "name"];

    /// <summary>The sort key in lower case (spend when none is given); a validation error names the keys when it is not one of them.</summary>
    public static string Normalize(string? sort)
    {
        sort = string.IsNullOrWhiteSpace(sort) ? "spend" : sort.Trim().ToLowerInvariant();
        return Keys.Contains(sort) ? sort : throw ValidationFailedException.For("sort", $"Use one of: {string.Join(", ", Keys)}.");
    }

    /// <summary>Sorted by the metric, rows without a value (a null ratio) last either way, then by id so the order is stable.</summary>
    public static List<BreakdownRow> Apply(List<BreakdownRow> rows, string sort, bool descending)
    {
        if (sort == "name")
        {
            var byName = descending ? rows.OrderByDescending(r => r.Name, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase);
            return byName.ThenBy(r => r.Id).ThenBy(r => r.Currency, StringComparer.Ordinal).ToList();
        }

        Func<BreakdownRow, decimal?> value = sort switch
        {
            "impressions" => r => r.Impressions,
            "clicks" => r => r.Clicks,
            "conversions" => r => r.Conversions,
            "revenue" => r => r.Revenue,
            "ctr" => r => r.Ctr,
            "cpc" => r => r.Cpc,
            "cpa" => r => r.Cpa,
            "roas" => r => r.Roas,
            "cvr" => r => Cvr(r),
            _ => r => r.Spend,
        };
        var present = rows.OrderBy(r => value(r) is null);
        var ordered = descending ? present.ThenByDescending(value) : present.ThenBy(value);
        return ordered.ThenBy(r => r.Id).ThenBy(r => r.Currency, StringComparer.Ordinal).ToList();
    }

    /// <summary>Conversions per click (the rows carry no column for it); null without clicks, as the other ratios are.</summary>
    public static decimal? Cvr(BreakdownRow row) => row.Clicks == 0 ? null : Math.Round((decimal)row.Conversions / row.Clicks, 6);
}
