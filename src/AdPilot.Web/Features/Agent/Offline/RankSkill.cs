using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"Top 5 campaigns by ROAS", "worst ad sets by CPA", "which account spent the most": get_breakdown, ranked, as a table and a bar chart.</summary>
internal static class RankSkill
{
    private const int MaxRows = 50;

    public static OfflineStep Next(OfflineTurn turn)
    {
        var request = turn.Request;
        var rules = request.Rules;
        var direction = request.Rank?.Direction ?? (rules.Count > 0 && rules[0].Op == "lt" ? "lowest" : "top");
        var metric = rules.Count > 0 ? rules[0].Metric : request.Metric ?? Ranker.DefaultMetric(direction);
        var level = request.Level ?? "campaign";
        var count = rules.Count > 0 ? MaxRows : Ranker.Count(request, 5);
        var descending = Ranker.Descending(direction, metric);
        var calls = Calls(turn, level, metric, descending, rules.Count > 0 || direction is "best" or "worst" || Names.LowerIsBetter(metric) ? 100 : count);
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var rows = Ranker.Order(calls.SelectMany(c => turn.Result(c).Items("rows")), metric, descending, direction is "best" or "worst" || rules.Count > 0)
            .Where(r => rules.All(rule => Ranker.Holds(rule, r))).Take(count).ToList();
        var title = (rules.Count > 0
            ? turn.T($"{Capital(Names.Level(level, false, true))} with {Ranker.Describe(turn, rules)}", $"{Ranker.Describe(turn, rules)}的{Names.Level(level, true)}")
            : turn.T($"{Word(direction, false)} {count} {Names.Level(level, false, count > 1)} by {Names.Metric(metric, false)}",
                $"{Names.Metric(metric, true)}{Word(direction, true)}的 {count} 个{Names.Level(level, true)}")) + $" · {request.Range}";
        if (rows.Count == 0)
        {
            return new AnswerStep(turn.T($"No {Names.Level(level, false, true)} delivered between {request.Range.FromText} and {request.Range.ToText}.",
                $"{request.Range.FromText} 至 {request.Range.ToText} 没有投放的{Names.Level(level, true)}。"));
        }

        var (name, spent, value) = (rows[0].Str("name"), Say.Money(rows[0].Dec("spend"), rows[0].Str("currency")), Say.Metric(metric, rows[0].Metric(metric), rows[0].Str("currency")));
        var what = metric == "cpc" ? turn.T("a click", "点击") : turn.T("a conversion", "转化");
        var lead = rows[0].Metric(metric) is null
            ? turn.T($"**{name}** comes first: it spent {spent} without {what}.", $"排在第一的是 **{name}**：花费 {spent} 却没有任何{what}。")
            : turn.T($"**{name}** comes first with {Names.Metric(metric, false)} {value}.", $"排在第一的是 **{name}**，{Names.Metric(metric, true)}为 {value}。");
        var text = $"**{title}**\n\n{lead}\n\n{Table(turn, rows, metric)}";
        var chart = metric is "roas" or "ctr" or "cvr" || rows.Select(r => r.Str("currency")).Distinct().Count() == 1
            ? AgentData.Chart(title, "bar", [.. rows.Select(r => r.Str("name"))], [new ChartSeries(Names.Metric(metric, turn.Zh), [.. rows.Select(r => r.Metric(metric))])])
            : null;
        var table = AgentData.Table(title, ["#", turn.T("Name", "名称"), "id", turn.T("Currency", "币种"), .. PerformanceSkill.Shown.Select(m => Names.Metric(m, turn.Zh))],
            rows.Select((r, i) => (IReadOnlyList<object?>)[i + 1, r.Str("name"), r.Long("id"), r.Str("currency"), .. PerformanceSkill.Shown.Select(m => (object?)r.Metric(m))]));
        return new AnswerStep(text, chart is null ? [table] : [chart, table]);
    }

    /// <summary>One get_breakdown per scope: the campaign or ad set of the page, each account named, or all accounts.</summary>
    public static IReadOnlyList<ToolCall> Calls(OfflineTurn turn, string level, string metric, bool descending, int limit)
    {
        var request = turn.Request;
        (string, object?)[] common = [("level", level), ("sort", metric), ("descending", descending), ("limit", limit)];
        var page = request.This;
        if (page is { EntityType: "campaign" or "ad_set" } && level is "ad_set" or "ad" && !(page.EntityType == "ad_set" && level == "ad_set"))
        {
            return [new ReportScope("", page.EntityType + "_id", page.EntityId).Call("get_breakdown", request.Range, common)];
        }

        return [.. turn.AccountScopes.Select(id => new ReportScope("", "ad_account_id", id).Call("get_breakdown", request.Range, common))];
    }

    public static string Table(OfflineTurn turn, IReadOnlyList<JsonElement> rows, string metric)
    {
        var columns = new[] { metric }.Concat(new[] { "spend", "conversions", "cpa", "roas" }.Where(m => m != metric)).ToList();
        return Markdown.Table(["#", turn.T("Name", "名称"), .. columns.Select(m => Names.Metric(m, turn.Zh))],
            rows.Select((r, i) => (IReadOnlyList<string>)[$"{i + 1}", r.Str("name"), .. columns.Select(m => Say.Metric(m, r.Metric(m), r.Str("currency")))]));
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Word(string direction, bool zh) => (direction, zh) switch
    {
        ("best", false) => "Best", ("best", true) => "最好",
        ("worst", false) => "Worst", ("worst", true) => "最差",
        ("bottom" or "lowest", false) => "Lowest", ("bottom" or "lowest", true) => "最低",
        (_, false) => "Top", (_, true) => "最高",
    };
}
