namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"Analyse my account": analyze_performance (it costs credits; the user asked for it by name) and its findings, most severe first.</summary>
internal static class AnalyzeSkill
{
    public static OfflineStep Next(OfflineTurn turn)
    {
        var request = turn.Request;
        var to = request.RangeGiven ? request.Range.To : turn.Context.Today.AddDays(-1);
        var calls = turn.AccountScopes.Select(id => ToolCall.Of("analyze_performance", ("to", DateRange.Iso(to)), ("ad_account_id", id))).ToList();
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var findings = calls.SelectMany(c => turn.Result(c).Get("analysis")?.Items("findings") ?? []).ToList();
        var order = new[] { "critical", "warning", "info" };
        var lines = findings.OrderBy(f => Array.IndexOf(order, f.Str("severity")) is var i && i < 0 ? 9 : i).Take(12)
            .Select(f => $"- **{f.Str("severity")}** · {f.Str("reason")}" + (f.Str("action").Length > 0 ? turn.T($" → {f.Str("action")}", $" → {f.Str("action")}") : ""));
        var charged = calls.Sum(c => turn.Result(c).Get("charge")?.Dec("credits") ?? 0);
        var week = new DateRange(to.AddDays(-6), to);
        return new AnswerStep(turn.T($"**Analysis of {week}** against the week before ({findings.Count} findings; {Say.Number(charged)} credits charged):",
            $"**{week} 的分析**，对比前一周（{findings.Count} 条发现；扣除 {Say.Number(charged)} 积分）：") + "\n\n" + string.Join("\n", lines));
    }
}
