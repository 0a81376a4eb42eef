using System.Text;
using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"This week vs last week" (get_reports for each period, or one call when the other period is the one just before) and "A vs B" (two campaigns).</summary>
internal static class CompareSkill
{
    public static OfflineStep Periods(OfflineTurn turn)
    {
        var (scopes, note, pending) = ReportScope.For(turn);
        if (pending is not null)
        {
            return pending;
        }

        var (a, b) = Ranges(turn.Request);
        var adjacent = b == a.Previous;
        var calls = scopes.SelectMany(s => adjacent ? [s.Call("get_reports", a)] : new[] { s.Call("get_reports", a), s.Call("get_reports", b) }).ToList();
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var text = new StringBuilder(note is null ? "" : note + "\n\n");
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var scope in scopes)
        {
            var now = turn.Result(scope.Call("get_reports", a)).Items("totals").ToList();
            var before = adjacent ? now.Select(t => (t.Str("currency"), t.Get("previous")!.Value)).ToList()
                : turn.Result(scope.Call("get_reports", b)).Items("totals").Select(t => (t.Str("currency"), t.Get("current")!.Value)).ToList();
            text.Append($"**{scope.Label}** · {a} {turn.T("vs", "对比")} {b}\n\n");
            foreach (var currency in now.Select(t => t.Str("currency")).Union(before.Select(t => t.Item1)).Order(StringComparer.Ordinal))
            {
                JsonElement? x = now.FirstOrDefault(t => t.Str("currency") == currency).Get("current");
                JsonElement? y = before.FirstOrDefault(t => t.Item1 == currency).Item2 is { ValueKind: JsonValueKind.Object } p ? p : null;
                text.Append(Side(turn, currency, x, y, a.ToString(), b.ToString())).Append('\n');
                rows.AddRange(PerformanceSkill.Shown.Select(m => (IReadOnlyList<object?>)[scope.Label, currency, Names.Metric(m, turn.Zh), x?.Metric(m), y?.Metric(m), Say.ChangeOf(x?.Metric(m), y?.Metric(m))]));
            }
        }

        return new AnswerStep(text.ToString().TrimEnd(), [AgentData.Table($"{a} {turn.T("vs", "对比")} {b}",
            [turn.T("Scope", "范围"), turn.T("Currency", "币种"), turn.T("Metric", "指标"), a.ToString(), b.ToString(), turn.T("Change %", "变化 %")], rows)]);
    }

    public static OfflineStep Campaigns(OfflineTurn turn)
    {
        var lookup = EntityLookup.Find(turn, turn.Request.Names, "campaign");
        if (lookup.Pending is { } pending)
        {
            return pending;
        }

        if (lookup.Missing.Count > 0)
        {
            return Answers.NotFound(turn, lookup.Missing, "campaign");
        }

        var range = turn.Request.Range;
        var calls = lookup.Found.Select(f => new ReportScope(f.Entity.Str("name"), "campaign_id", f.Entity.Long("id")).Call("get_reports", range)).ToList();
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var sides = lookup.Found.Zip(calls, (f, c) => (Name: f.Entity.Str("name"), Currency: f.Entity.Str("currency"),
            Totals: turn.Result(c).Items("totals").Select(t => t.Get("current")).FirstOrDefault())).ToList();
        var table = Markdown.Table([turn.T("Metric", "指标"), .. sides.Select(s => s.Name)],
            PerformanceSkill.Shown.Select(m => (IReadOnlyList<string>)[Names.Metric(m, turn.Zh), .. sides.Select(s => Say.Metric(m, s.Totals?.Metric(m), s.Currency))]));
        var better = sides.Where(s => s.Totals?.Metric("cpa") is not null).OrderBy(s => s.Totals!.Value.Metric("cpa")).Select(s => s.Name).FirstOrDefault();
        var verdict = better is null ? "" : turn.T($"**{better}** converts at the lowest cost per conversion.", $"**{better}** 的转化成本最低。") + "\n\n";
        if (sides.Select(s => s.Currency).Distinct().Count() > 1)
        {
            verdict += turn.T("_They run in different currencies, so amounts are not comparable directly._\n\n", "_它们使用不同币种，金额不能直接比较。_\n\n");
        }

        return new AnswerStep($"**{string.Join(turn.T(" vs ", " 对比 "), sides.Select(s => s.Name))}** · {range}\n\n{verdict}{table}",
            [AgentData.Table($"{string.Join(" vs ", sides.Select(s => s.Name))} · {range}", [turn.T("Metric", "指标"), .. sides.Select(s => s.Name)],
                PerformanceSkill.Shown.Select(m => (IReadOnlyList<object?>)[Names.Metric(m, turn.Zh), .. sides.Select(s => (object?)s.Totals?.Metric(m))]))]);
    }

    /// <summary>The two periods: the ones named, else the one named and the same number of days before it.</summary>
    public static (DateRange A, DateRange B) Ranges(OfflineRequest request) =>
        request.Other is { } other && other != request.Range ? (request.Range, other) : (request.Range, request.Range.Previous);

    private static string Side(OfflineTurn turn, string currency, JsonElement? x, JsonElement? y, string a, string b)
    {
        var movers = new[] { "spend", "conversions", "cpa", "roas" }.Select(m => (Metric: m, Change: Say.ChangeOf(x?.Metric(m), y?.Metric(m))))
            .Where(c => c.Change is not null).OrderByDescending(c => Math.Abs(c.Change!.Value)).Take(2)
            .Select(c => $"{Names.Metric(c.Metric, turn.Zh)} {Say.Change(c.Change)}");
        var headline = string.Join(turn.T(", ", "，"), movers);
        return (headline.Length > 0 ? turn.T($"{currency}: the biggest moves are {headline}.", $"{currency}：变化最大的是 {headline}。") + "\n\n" : "")
            + Markdown.Table([turn.T("Metric", "指标"), a, b, turn.T("Change", "变化")],
                PerformanceSkill.Shown.Select(m => (IReadOnlyList<string>)[Names.Metric(m, turn.Zh), Say.Metric(m, x?.Metric(m), currency), Say.Metric(m, y?.Metric(m), currency),
                    Say.Change(Say.ChangeOf(x?.Metric(m), y?.Metric(m)))]));
    }
}
