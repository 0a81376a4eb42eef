using System.Text;
using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"How did we do last week?": get_reports per scope, the headline numbers with their change, and a table.</summary>
internal static class PerformanceSkill
{
    public static readonly string[] Shown = ["spend", "impressions", "clicks", "conversions", "revenue", "ctr", "cpc", "cpa", "roas", "cvr"];

    public static OfflineStep Next(OfflineTurn turn)
    {
        var (scopes, note, pending) = ReportScope.For(turn);
        if (pending is not null)
        {
            return pending;
        }

        var range = turn.Request.Range;
        var calls = scopes.Select(s => s.Call("get_reports", range)).ToList();
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var text = new StringBuilder(note is null ? "" : note + "\n\n");
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var (scope, call) in scopes.Zip(calls))
        {
            var report = turn.Result(call);
            text.Append(Block(turn, scope.Label, report));
            foreach (var total in report.Items("totals"))
            {
                var currency = total.Str("currency");
                rows.Add([scope.Label, currency, turn.T("current", "本期"), .. Shown.Select(m => (object?)total.Get("current")!.Value.Metric(m))]);
                rows.Add([scope.Label, currency, turn.T("previous", "上期"), .. Shown.Select(m => (object?)total.Get("previous")!.Value.Metric(m))]);
            }
        }

        var columns = new[] { turn.T("Scope", "范围"), turn.T("Currency", "币种"), turn.T("Period", "时段") }.Concat(Shown.Select(m => Names.Metric(m, turn.Zh))).ToList();
        return new AnswerStep(text.ToString().TrimEnd(), rows.Count == 0 ? [] : [AgentData.Table(turn.T("Performance", "表现") + $" · {range}", columns, rows)]);
    }

    /// <summary>One scope: a headline per currency and a Markdown table of every metric against the period before.</summary>
    public static string Block(OfflineTurn turn, string label, JsonElement report)
    {
        var range = new DateRange(report.Date("from"), report.Date("to"));
        var text = new StringBuilder($"**{label}** · {range} ");
        text.Append(turn.T($"(compared with {range.Previous})", $"（对比 {range.Previous}）")).Append("\n\n");
        var totals = report.Items("totals").ToList();
        if (totals.Count == 0)
        {
            return text.Append(turn.T("No numbers for this period: nothing delivered, or the data has not synced yet.", "这个时段没有数据：没有投放，或者数据尚未同步。")).Append("\n\n").ToString();
        }

        foreach (var total in totals)
        {
            var currency = total.Str("currency");
            var (now, before) = (total.Get("current")!.Value, total.Get("previous")!.Value);
            var headline = (turn.Request.Metric is { } m ? [m] : new[] { "spend", "conversions", "cpa", "roas" })
                .Select(x => $"{Names.Metric(x, turn.Zh)} **{Say.Metric(x, now.Metric(x), currency)}** ({Say.Change(Say.ChangeOf(now.Metric(x), before.Metric(x)))})");
            text.Append(totals.Count > 1 ? currency + turn.T(": ", "：") : "").AppendJoin(turn.T(", ", "，"), headline).Append(turn.T(".", "。")).Append("\n\n");
            text.Append(Markdown.Table([turn.T("Metric", "指标"), turn.T("This period", "本期"), turn.T("Previous", "上期"), turn.T("Change", "变化")],
                Shown.Select(x => (IReadOnlyList<string>)[Names.Metric(x, turn.Zh), Say.Metric(x, now.Metric(x), currency), Say.Metric(x, before.Metric(x), currency),
                    Say.Change(Say.ChangeOf(now.Metric(x), before.Metric(x)))]))).Append('\n');
        }

        return text.ToString();
    }
}
