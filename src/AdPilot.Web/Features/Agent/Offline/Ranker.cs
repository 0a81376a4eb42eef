using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// Orders breakdown rows by a metric, the way a marketer means "worst": an entity that spent without a conversion has a
/// worse CPA than any that converted. With several currencies, amounts are compared to their currency's average, never
/// across currencies.
/// </summary>
internal static class Ranker
{
    public static List<JsonElement> Order(IEnumerable<JsonElement> rows, string metric, bool descending, bool deliveredOnly)
    {
        var list = rows.Where(r => !deliveredOnly || r.Dec("spend") > 0 || r.Long("impressions") > 0).ToList();
        var money = metric is "spend" or "revenue" or "cpa" or "cpc";
        var perCurrency = money && list.Select(r => r.Str("currency")).Distinct().Count() > 1
            ? list.GroupBy(r => r.Str("currency")).ToDictionary(g => g.Key, g => g.Select(r => r.Metric(metric)).Where(v => v > 0).Select(v => v!.Value).DefaultIfEmpty(1).Average())
            : null;
        decimal? Score(JsonElement r)
        {
            var value = r.Metric(metric) ?? (Names.LowerIsBetter(metric) && r.Dec("spend") > 0 ? decimal.MaxValue : null);
            return value is { } v && v != decimal.MaxValue && perCurrency is not null ? v / perCurrency[r.Str("currency")] : value;
        }

        var present = list.OrderBy(r => Score(r) is null);
        var ordered = descending ? present.ThenByDescending(Score) : present.ThenBy(Score);
        return [.. ordered.ThenBy(r => r.Long("id")).ThenBy(r => r.Str("currency"), StringComparer.Ordinal)];
    }

    /// <summary>A rule on a row; a cost per result with no results counts as above any threshold the spend is above.</summary>
    public static bool Holds(Rule rule, JsonElement row) =>
        row.Metric(rule.Metric) is { } value ? rule.Holds(value) : Names.LowerIsBetter(rule.Metric) && rule.Op == "gt" && row.Dec("spend") > rule.Value;

    /// <summary>The rules in words: "CPA over $20", "ROAS under 1.5".</summary>
    public static string Describe(OfflineTurn turn, IReadOnlyList<Rule> rules) =>
        string.Join(turn.T(" and ", "且"), rules.Select(r => $"{Names.Metric(r.Metric, turn.Zh)} {(r.Op == "gt" ? turn.T("over", "高于") : turn.T("under", "低于"))} {Say.Metric(r.Metric, r.Value, "")}".TrimEnd()));

    /// <summary>Highest first? top/highest yes; bottom/lowest no; best and worst by which way is good for the metric.</summary>
    public static bool Descending(string direction, string metric) => direction switch
    {
        "bottom" or "lowest" => false,
        "best" => !Names.LowerIsBetter(metric),
        "worst" => Names.LowerIsBetter(metric),
        _ => true,
    };

    /// <summary>The metric when none was said: what a ranking of best or worst is usually about (CPA), else spend.</summary>
    public static string DefaultMetric(string direction) => direction is "best" or "worst" ? "cpa" : "spend";

    /// <summary>How many: as said, else 1 for "which campaign…" / one entity, 5 (3 for changes) for several.</summary>
    public static int Count(OfflineRequest request, int several)
    {
        if (request.Rank?.Count is { } n)
        {
            return Math.Clamp(n, 1, 50);
        }

        var level = Lexicon.Levels.Matches(request.Text) is [var first, ..] ? first : null;
        var plural = request.Text.Chinese ? request.Text.Has("哪些", "们") || !(request.Text.Has("哪个", "哪一个") || Lexicon.Directions.Matches(request.Text).Count > 0)
            : level is null ? !request.Text.Has("which") : request.Text.Normal[level.Span.Start..level.Span.End].EndsWith('s');
        return plural ? several : 1;
    }
}
