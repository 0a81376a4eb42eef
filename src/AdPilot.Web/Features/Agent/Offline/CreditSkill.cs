namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"How many credits do I have?" (get_credit_balance) and "credit history" (get_credit_history, the last 10 or the dates named).</summary>
internal static class CreditSkill
{
    public static OfflineStep Balance(OfflineTurn turn)
    {
        var call = ToolCall.Of("get_credit_balance");
        if (turn.Need(call) is { } step)
        {
            return step;
        }

        var b = turn.Result(call);
        var level = b.Str("level");
        var warning = level switch
        {
            "critical" => turn.T(" It is **critically low**: top up under **Billing** to keep AI work running.", " 余额**严重不足**：请在**账单**中充值，以免 AI 功能中断。"),
            "low" => turn.T(" It is getting **low**; you can top up under **Billing**.", " 余额**偏低**，可以在**账单**中充值。"),
            _ => "",
        };
        return new AnswerStep(turn.T(
            $"You have **{Say.Number(b.Dec("total") ?? 0)} credits** ({Say.Number(b.Dec("gifted") ?? 0)} gifted, used first, and {Say.Number(b.Dec("purchased") ?? 0)} purchased).{warning}",
            $"你有 **{Say.Number(b.Dec("total") ?? 0)} 积分**（赠送 {Say.Number(b.Dec("gifted") ?? 0)}，优先使用；购买 {Say.Number(b.Dec("purchased") ?? 0)}）。{warning}"));
    }

    public static OfflineStep History(OfflineTurn turn)
    {
        var request = turn.Request;
        var call = ToolCall.Of("get_credit_history", ("from", request.RangeGiven ? request.Range.FromText : null), ("to", request.RangeGiven ? request.Range.ToText : null),
            ("page_size", request.RangeGiven ? 100 : 10));
        if (turn.Need(call) is { } step)
        {
            return step;
        }

        var items = turn.Result(call).Items("items").ToList();
        if (items.Count == 0)
        {
            return new AnswerStep(turn.T("No credit transactions" + (request.RangeGiven ? $" between {request.Range.FromText} and {request.Range.ToText}." : " yet."),
                "没有积分记录" + (request.RangeGiven ? $"（{request.Range}）。" : "。")));
        }

        var columns = new[] { turn.T("When (UTC)", "时间 (UTC)"), turn.T("Type", "类型"), turn.T("Credits", "积分"), turn.T("What for", "用途"), turn.T("Tokens in/out", "输入/输出 tokens"), turn.T("Balance after", "余额") };
        var rows = items.Select(i => (IReadOnlyList<string>)[i.Str("created_at").Replace('T', ' ').Split('.')[0].TrimEnd('Z'), i.Str("type"), Say.Number(i.Dec("amount") ?? 0),
            string.Join(" · ", new[] { i.Str("operation"), i.Str("model"), i.Str("description") }.Where(x => x.Length > 0)),
            i.Get("input_tokens") is null ? "" : $"{i.Long("input_tokens")}/{i.Long("output_tokens")}", Say.Number(i.Dec("balance_after") ?? 0)]).ToList();
        var spent = items.Where(i => i.Str("type") == "deduct").Sum(i => Math.Abs(i.Dec("amount") ?? 0));
        var text = turn.T($"Your last {items.Count} credit transactions ({Say.Number(spent)} credits charged among them):", $"最近 {items.Count} 条积分记录（其中共扣除 {Say.Number(spent)} 积分）：");
        return new AnswerStep($"{text}\n\n{Markdown.Table(columns, rows)}", [AgentData.Table(turn.T("Credit history", "积分记录"), columns, rows)]);
    }
}
