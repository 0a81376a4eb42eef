using System.Text;
using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// "Why did my CPA go up yesterday?": the totals of both periods (get_reports) split into the factors that moved
/// (<see cref="Decomposition"/>), and the campaigns (or ad sets) that moved it most, from a breakdown of each period.
/// </summary>
internal static class WhySkill
{
    public static OfflineStep Next(OfflineTurn turn)
    {
        var (scopes, note, pending) = ReportScope.For(turn);
        if (pending is not null)
        {
            return pending;
        }

        var metric = turn.Request.Metric ?? "cpa";
        var scope = scopes[0];
        var (a, b) = CompareSkill.Ranges(turn.Request);
        var adjacent = b == a.Previous;
        var level = scope.Key switch { "campaign_id" => "ad_set", "ad_set_id" => "ad", _ => "campaign" };
        (string, object?)[] rank = [("level", level), ("sort", "spend"), ("descending", true), ("limit", 100)];
        var calls = new List<ToolCall> { scope.Call("get_reports", a) };
        calls.AddRange(adjacent ? [] : [scope.Call("get_reports", b)]);
        calls.AddRange([scope.Call("get_breakdown", a, rank), scope.Call("get_breakdown", b, rank)]);
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var totals = turn.Result(calls[0]).Items("totals").OrderByDescending(t => t.Get("current")?.Dec("spend")).ToList();
        if (totals.Count == 0)
        {
            return new AnswerStep(turn.T($"There are no numbers for {a}, so there is nothing to explain yet.", $"{a} 没有数据，暂时无法分析原因。"));
        }

        var currency = totals[0].Str("currency");
        var now = totals[0].Get("current")!.Value;
        var before = adjacent ? totals[0].Get("previous")!.Value
            : turn.Result(calls[1]).Items("totals").FirstOrDefault(t => t.Str("currency") == currency).Get("current") ?? default;
        var text = new StringBuilder(note is null ? "" : note + "\n\n");
        text.Append(turn.T($"**Why {Names.Metric(metric, false)} changed** · {a} vs {b} · {scope.Label}", $"**{Names.Metric(metric, true)}变化的原因** · {a} 对比 {b} · {scope.Label}"));
        text.Append("\n\n").Append(Headline(turn, metric, currency, now, before)).Append("\n\n");
        var parts = before.ValueKind == JsonValueKind.Object ? Decomposition.Explain(metric, now, before) : null;
        IReadOnlyList<Microsoft.Extensions.AI.AIContent> data = [];
        if (parts is not null)
        {
            text.Append(Cause(turn, metric, currency, now, before, parts)).Append("\n\n");
            text.Append(Factors(turn, metric, currency, parts, now, before)).Append('\n');
            data = [AgentData.Chart(turn.T($"Effect on {Names.Metric(metric, false)} (%)", $"对{Names.Metric(metric, true)}的影响 (%)"), "bar",
                [.. parts.Select(p => Decomposition.Name(p.Factor, turn.Zh))], [new ChartSeries(turn.T("effect %", "影响 %"), [.. parts.Select(p => (decimal?)Effect(p.Effect))])], "%")];
        }
        else
        {
            text.Append(turn.T($"{Names.Metric(metric, false)} cannot be split into factors here: one of the periods has no clicks, conversions or revenue to divide by.",
                $"这里无法拆分{Names.Metric(metric, true)}：其中一个时段没有可用于计算的点击、转化或收入。")).Append("\n\n");
        }

        text.Append(Drivers(turn, metric, currency, level, turn.Result(calls[^2]), turn.Result(calls[^1]), before));
        return new AnswerStep(text.ToString().TrimEnd(), data);
    }

    private static string Headline(OfflineTurn turn, string metric, string currency, JsonElement now, JsonElement before)
    {
        var (x, y) = (now.Metric(metric), before.ValueKind == JsonValueKind.Object ? before.Metric(metric) : null);
        var change = Say.ChangeOf(x, y);
        var size = change is { } c ? Say.Number(Math.Abs(c)) + "%" : "";
        var way = change switch { null => turn.T("changed", "变化了"), > 0.5m => turn.T($"went **up {size}**", $"**上升了 {size}**"),
            < -0.5m => turn.T($"went **down {size}**", $"**下降了 {size}**"), _ => turn.T("barely moved", "几乎没有变化") };
        return turn.T($"{Names.Metric(metric, false)} {way}: {Say.Metric(metric, y, currency)} → {Say.Metric(metric, x, currency)} ({currency}).",
            $"{Names.Metric(metric, true)}{way}：{Say.Metric(metric, y, currency)} → {Say.Metric(metric, x, currency)}（{currency}）。");
    }

    /// <summary>The factor that moved the metric most, and, when it is itself a ratio (CPC), which of its own factors moved it.</summary>
    private static string Cause(OfflineTurn turn, string metric, string currency, JsonElement now, JsonElement before, IReadOnlyList<Decomposition.Part> parts)
    {
        var main = parts.OrderByDescending(p => Math.Abs(p.Effect)).First();
        var others = parts.Where(p => p != main).Select(p => $"{Decomposition.Name(p.Factor, turn.Zh)} {Say.Change(p.Change)}");
        var text = turn.T(
            $"The main reason: **{Decomposition.Name(main.Factor, false)}** moved {Say.Change(main.Change)} ({Decomposition.Format(main.Factor, main.Before, currency)} → {Decomposition.Format(main.Factor, main.Now, currency)}), which alone moved {Names.Metric(metric, false)} by about {Say.Change(Effect(main.Effect))}. Other factors: {string.Join(", ", others)}.",
            $"主要原因：**{Decomposition.Name(main.Factor, true)}**变化了 {Say.Change(main.Change)}（{Decomposition.Format(main.Factor, main.Before, currency)} → {Decomposition.Format(main.Factor, main.Now, currency)}），仅这一项就使{Names.Metric(metric, true)}变化约 {Say.Change(Effect(main.Effect))}。其他因素：{string.Join("，", others)}。");
        if (main.Factor is "cpc" or "clicks" or "conversions" && Decomposition.Explain(main.Factor, now, before) is { } sub)
        {
            var inner = sub.OrderByDescending(p => Math.Abs(p.Effect)).First();
            text += turn.T($" {Decomposition.Name(main.Factor, false)} itself moved mostly because {Decomposition.Name(inner.Factor, false)} changed {Say.Change(inner.Change)}.",
                $"{Decomposition.Name(main.Factor, true)}的变化主要来自{Decomposition.Name(inner.Factor, true)}（{Say.Change(inner.Change)}）。");
        }

        return text;
    }

    /// <summary>The factors with their effect, then spend, CTR and CPM for context (they act through the factors, so no effect of their own).</summary>
    private static string Factors(OfflineTurn turn, string metric, string currency, IReadOnlyList<Decomposition.Part> parts, JsonElement now, JsonElement before)
    {
        var context = new[] { "spend", "ctr", "cpm" }.Where(f => f != metric && parts.All(p => p.Factor != f))
            .Select(f => (IReadOnlyList<string>)[Decomposition.Name(f, turn.Zh), Decomposition.Format(f, Decomposition.Value(before, f), currency),
                Decomposition.Format(f, Decomposition.Value(now, f), currency), Say.Change(Say.ChangeOf(Decomposition.Value(now, f), Decomposition.Value(before, f))), "–"]);
        return Markdown.Table([turn.T("Factor", "因素"), turn.T("Before", "之前"), turn.T("Now", "现在"), turn.T("Change", "变化"), turn.T($"Effect on {Names.Metric(metric, false)}", $"对{Names.Metric(metric, true)}的影响")],
            parts.Select(p => (IReadOnlyList<string>)[Decomposition.Name(p.Factor, turn.Zh), Decomposition.Format(p.Factor, p.Before, currency), Decomposition.Format(p.Factor, p.Now, currency),
                Say.Change(p.Change), Say.Change(Effect(p.Effect))]).Concat(context));
    }

    /// <summary>The entities that pushed the total most in the direction it moved: each one's numerator against the whole's old ratio.</summary>
    private static string Drivers(OfflineTurn turn, string metric, string currency, string level, JsonElement nowRows, JsonElement beforeRows, JsonElement before)
    {
        var (num, den) = Decomposition.Ratio(metric);
        var baseline = den is null || before.ValueKind != JsonValueKind.Object ? 0 : before.Metric(metric) ?? 0;
        decimal Excess(JsonElement? r) => r is { } x ? (x.Dec(num) ?? 0) - (den is null ? 0 : (x.Dec(den) ?? 0) * baseline) : 0;
        var after = nowRows.Items("rows").Where(r => r.Str("currency") == currency).ToDictionary(r => r.Long("id"));
        var prior = beforeRows.Items("rows").Where(r => r.Str("currency") == currency).ToDictionary(r => r.Long("id"));
        var moved = after.Keys.Union(prior.Keys).Select(id => (Id: id, Now: after.TryGetValue(id, out var n) ? n : (JsonElement?)null, Before: prior.TryGetValue(id, out var p) ? p : (JsonElement?)null))
            .Select(e => (e.Id, e.Now, e.Before, Impact: Excess(e.Now) - Excess(e.Before))).ToList();
        var total = moved.Sum(m => m.Impact);
        var top = moved.Where(m => Math.Sign(m.Impact) == Math.Sign(total) && m.Impact != 0).OrderByDescending(m => Math.Abs(m.Impact)).ThenBy(m => m.Id).Take(3).ToList();
        if (top.Count == 0)
        {
            return "";
        }

        var name = (top[0].Now ?? top[0].Before)!.Value.Str("name");
        var lines = Markdown.Table([turn.T("Name", "名称"), $"{Names.Metric(metric, turn.Zh)} {turn.T("before", "之前")}", $"{Names.Metric(metric, turn.Zh)} {turn.T("now", "现在")}",
            turn.T("Spend before", "之前花费"), turn.T("Spend now", "现在花费")],
            top.Select(m => (IReadOnlyList<string>)[(m.Now ?? m.Before)!.Value.Str("name"), Say.Metric(metric, m.Before?.Metric(metric), currency), Say.Metric(metric, m.Now?.Metric(metric), currency),
                Say.Money(m.Before?.Dec("spend"), currency), Say.Money(m.Now?.Dec("spend"), currency)]));
        return turn.T($"Most of the change came from the {Names.Level(level, false)} **{name}**:\n\n", $"变化主要来自{Names.Level(level, true)} **{name}**：\n\n") + lines;
    }

    private static decimal Effect(double logPoints) => Math.Round((decimal)(Math.Exp(logPoints) - 1) * 100, 1, MidpointRounding.AwayFromZero);
}
