using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"Daily spend over the last 30 days": get_metrics, a line chart (one series per currency), the peak and the direction, and a table.</summary>
internal static class TrendSkill
{
    public static OfflineStep Next(OfflineTurn turn)
    {
        var (scopes, note, pending) = ReportScope.For(turn, adLevel: true);
        if (pending is not null)
        {
            return pending;
        }

        var request = turn.Request;
        var calls = scopes.Select(s => s.Call("get_metrics", request.Range, ("granularity", request.Granularity))).ToList();
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var metric = request.Metric ?? "spend";
        var series = scopes.Zip(calls).SelectMany(p => turn.Result(p.Second).Items("series").Select(s => (Name: scopes.Count > 1 ? $"{p.First.Label} · {s.Str("currency")}" : s.Str("currency"),
            Currency: s.Str("currency"), Points: s.Items("points").ToList()))).ToList();
        if (series.Count == 0)
        {
            return new AnswerStep(turn.T($"No numbers between {request.Range.FromText} and {request.Range.ToText}: nothing delivered, or the data has not synced yet.",
                $"{request.Range.FromText} 至 {request.Range.ToText} 没有数据：没有投放，或者数据尚未同步。"));
        }

        var x = series.SelectMany(s => s.Points.Select(p => p.Str("period"))).Distinct().Order(StringComparer.Ordinal).ToList();
        var percent = metric is "ctr" or "cvr";
        var chartSeries = series.Select(s => new ChartSeries(s.Name, [.. x.Select(period => s.Points.FirstOrDefault(p => p.Str("period") == period) is { ValueKind: JsonValueKind.Object } p
            ? p.Metric(metric) * (percent ? 100 : 1) : null)])).ToList();
        var unit = percent ? "%" : metric is "spend" or "revenue" or "cpa" or "cpc" && series.Select(s => s.Currency).Distinct().Count() == 1 ? series[0].Currency : null;
        var per = turn.T(request.Granularity, request.Granularity switch { "week" => "周", "month" => "月", _ => "天" });
        var title = turn.T($"{Names.Metric(metric, false)} by {per}", $"按{per}的{Names.Metric(metric, true)}");
        var lines = series.Select(s => Summary(turn, metric, s.Name, s.Currency, s.Points));
        var text = $"{(note is null ? "" : note + "\n\n")}**{title}** · {request.Range}\n\n{string.Join("\n", lines)}";
        var table = AgentData.Table(title, [turn.T("Period", "时段"), turn.T("Series", "系列"), .. PerformanceSkill.Shown.Select(m => Names.Metric(m, turn.Zh))],
            series.SelectMany(s => s.Points.Select(p => (IReadOnlyList<object?>)[p.Str("period"), s.Name, .. PerformanceSkill.Shown.Select(m => (object?)p.Metric(m))])));
        return new AnswerStep(text, [AgentData.Chart(title, "line", x, chartSeries, unit), table]);
    }

    /// <summary>One series in a sentence: the total (or average of a ratio), the highest period, and the second half against the first.</summary>
    private static string Summary(OfflineTurn turn, string metric, string name, string currency, List<JsonElement> points)
    {
        var values = points.Select(p => (Period: p.Str("period"), Value: p.Metric(metric))).Where(v => v.Value is not null).ToList();
        if (values.Count == 0)
        {
            return $"- {name}: –";
        }

        var peak = values.OrderByDescending(v => v.Value).ThenBy(v => v.Period, StringComparer.Ordinal).First();
        var half = values.Count / 2;
        var (first, second) = (values.Take(half).Select(v => v.Value!.Value).DefaultIfEmpty().Average(), values.Skip(half).Select(v => v.Value!.Value).Average());
        var additive = metric is "spend" or "revenue" or "clicks" or "impressions" or "conversions";
        var total = additive ? Say.Metric(metric, values.Sum(v => v.Value), currency) : Say.Metric(metric, values.Average(v => v.Value), currency);
        return turn.T(
            $"- {name}: {(additive ? "total" : "average")} **{total}**; highest on {peak.Period} ({Say.Metric(metric, peak.Value, currency)}); the second half of the range is {Say.Change(Say.ChangeOf(second, first))} against the first.",
            $"- {name}：{(additive ? "合计" : "平均")} **{total}**；最高在 {peak.Period}（{Say.Metric(metric, peak.Value, currency)}）；后半段比前半段 {Say.Change(Say.ChangeOf(second, first))}。");
    }
}
