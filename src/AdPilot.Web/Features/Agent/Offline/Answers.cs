namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>The answers that are not about numbers: what the agent can do, a question back, a tool's failure.</summary>
internal static class Answers
{
    public static AnswerStep Failed(OfflineTurn turn, ToolRun run)
    {
        var hint = run.ErrorCode switch
        {
            "needs_reauth" or "reauth_required" => turn.T(" Reconnect the ad account under **Ad accounts**.", " 请在**广告账户**中重新连接该账户。"),
            "insufficient_credits" => turn.T(" Top up credits under **Billing**.", " 请在**账单**中充值积分。"),
            _ => "",
        };
        return new AnswerStep(turn.T($"I could not get that from AdPilot: {run.ErrorMessage} (`{run.ErrorCode}`).{hint}",
            $"无法从 AdPilot 获取：{run.ErrorMessage}（`{run.ErrorCode}`）。{hint}"));
    }

    public static AnswerStep Clarify(OfflineTurn turn, string en, string zh) =>
        new(turn.T($"{en}\n\n{Examples(false)}", $"{zh}\n\n{Examples(true)}"));

    public static AnswerStep NotFound(OfflineTurn turn, IReadOnlyList<(NameRef Name, IReadOnlyList<string> Candidates)> missing, string level)
    {
        var lines = missing.Select(m => m.Candidates.Count == 0
            ? turn.T($"- I found no {Names.Level(level, false)} named \"{m.Name.Name}\".", $"- 没有找到名为「{m.Name.Name}」的{Names.Level(level, true)}。")
            : turn.T($"- \"{m.Name.Name}\" could be: {string.Join(", ", m.Candidates.Select(c => $"\"{c}\""))}. Which one?",
                $"- 「{m.Name.Name}」可能是：{string.Join("、", m.Candidates.Select(c => $"「{c}」"))}。是哪一个？"));
        return new AnswerStep(turn.T("I need the exact name before I change or report anything:\n\n", "在查询或修改之前，我需要确切的名称：\n\n") + string.Join("\n", lines)
            + turn.T("\n\nWrite the name in quotes, e.g. `pause \"Spring Sale 1\"`.", "\n\n请把名称放在引号里，例如：`暂停\"Spring Sale 1\"`。"));
    }

    public static AnswerStep Help(OfflineTurn turn) => new(turn.T(
        "I am AdPilot's built-in assistant. I read your numbers through AdPilot's tools and prepare changes that you review and apply. " +
        "I did not understand that request; here is what I can do:\n\n" + Examples(false),
        "我是 AdPilot 的内置助手，会通过 AdPilot 的工具读取你的数据，并准备好修改供你查看和应用。我没有理解这个请求，下面是我能做的事：\n\n" + Examples(true)));

    private static string Examples(bool zh) => zh
        ? """
          - **表现**：「上周表现如何？」「过去30天的ROAS」「昨天Meta上的花费」
          - **排名**：「本月ROAS最高的5个广告系列」「CPA最差的广告组」
          - **对比**：「本周和上周对比」「对比 Spring Sale 1 和 Holiday Push 3」
          - **原因**：「为什么昨天CPA上升了？」
          - **趋势**：「过去30天每天的花费趋势」
          - **修改**（先预览，由你应用）：「暂停 Spring Sale 1」「暂停CPA高于20的广告组」「暂停Meta上最差的三个广告组」「把ROAS最高的广告系列预算提高10%」「把 Spring Sale 1 的日预算设为50」「把 Spring Sale 1 的20%预算转到 Holiday Push 3」
          - **账户**：「积分余额」「积分记录」「未读通知」「Meta账户的授权状态」「素材排名」

          我能理解的日期：昨天、过去7天、上周、本月、2026-11-01 至 2026-11-15、11月3日。
          """
        : """
          - **Performance:** "How did we do last week?", "ROAS over the last 30 days", "spend on Meta yesterday"
          - **Rankings:** "top 5 campaigns by ROAS this month", "worst ad sets by CPA"
          - **Comparisons:** "compare this week with last week", "compare Spring Sale 1 and Holiday Push 3"
          - **Why:** "why did my CPA go up yesterday?"
          - **Trends:** "daily spend trend for the last 30 days"
          - **Changes** (previewed; you apply them): "pause Spring Sale 1", "pause ad sets with CPA over 20", "pause the three worst ad sets on Meta", "raise the budget of Spring Sale 1 by 20%", "set Spring Sale 1's daily budget to 50", "move 20% of budget from Spring Sale 1 to Holiday Push 3"
          - **Account:** "credit balance", "credit history", "unread notifications", "is my Meta token still valid?", "rank my creatives"

          Dates I understand: yesterday, last 7 or 30 days, last week, this month, 2026-11-01 to 2026-11-15, Nov 3.
          """;
}
