namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Ad accounts and their authorisation (list_ad_accounts, get_ad_account_token), and campaign lists (get_campaigns).</summary>
internal static class AccountSkill
{
    public static OfflineStep Tokens(OfflineTurn turn)
    {
        var request = turn.Request;
        if (request.Accounts.Count == 0)
        {
            return Accounts(turn, tokens: true);
        }

        var calls = request.Accounts.Select(a => ToolCall.Of("get_ad_account_token", ("ad_account_id", a.Id))).ToList();
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var lines = calls.Select(c => turn.Result(c)).Select(t => $"- **{t.Str("name")}** ({t.Str("platform")}): {State(turn, t.Str("state"))}"
            + (t.Str("valid_until").Length > 0 ? turn.T($", valid until {t.Str("valid_until")[..10]}", $"，有效期至 {t.Str("valid_until")[..10]}") : "")
            + (t.Bool("needs_reauthorization") ? turn.T(" — reconnect it under **Ad accounts**.", "——请在**广告账户**中重新连接。") : "."));
        return new AnswerStep(string.Join("\n", lines) + "\n\n" + turn.T("Tokens themselves never leave AdPilot's server.", "令牌本身不会离开 AdPilot 的服务器。"));
    }

    public static OfflineStep Accounts(OfflineTurn turn, bool tokens = false)
    {
        var call = ToolCall.Of("list_ad_accounts");
        if (turn.Need(call) is { } step)
        {
            return step;
        }

        var accounts = turn.Result(call).Items("accounts").ToList();
        if (accounts.Count == 0)
        {
            return new AnswerStep(turn.T("You have not connected an ad account yet: connect one under **Ad accounts**.", "你还没有连接广告账户：请在**广告账户**中连接。"));
        }

        var columns = new[] { turn.T("Account", "账户"), turn.T("Platform", "平台"), turn.T("Currency", "币种"), turn.T("Time zone", "时区"), turn.T("Authorisation", "授权") };
        var rows = accounts.Select(a => (IReadOnlyList<string>)[a.Str("name") + (a.Bool("is_active") ? turn.T(" (active)", "（当前）") : ""), a.Str("platform"), a.Str("currency"),
            a.Str("time_zone"), State(turn, a.Str("token_state"))]).ToList();
        var broken = accounts.Count(a => a.Str("token_state") is "expired" or "needs_reauth");
        var headline = tokens && broken > 0 ? turn.T($"{broken} account(s) need reconnecting under **Ad accounts**.", $"有 {broken} 个账户需要在**广告账户**中重新连接。")
            : tokens ? turn.T("Every account's authorisation is fine.", "所有账户的授权都正常。") : turn.T($"You have {accounts.Count} ad account(s):", $"你有 {accounts.Count} 个广告账户：");
        return new AnswerStep($"{headline}\n\n{Markdown.Table(columns, rows)}", [AgentData.Table(turn.T("Ad accounts", "广告账户"), columns, rows)]);
    }

    public static OfflineStep Campaigns(OfflineTurn turn)
    {
        var request = turn.Request;
        var calls = turn.AccountScopes.Select(id => ToolCall.Of("get_campaigns", ("ad_account_id", id), ("status", request.Status), ("page_size", 25))).ToList();
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var items = calls.SelectMany(c => turn.Result(c).Items("items")).ToList();
        if (items.Count == 0)
        {
            return new AnswerStep(turn.T("No campaigns match.", "没有符合条件的广告系列。"));
        }

        var columns = new[] { turn.T("Campaign", "广告系列"), turn.T("Account", "账户"), turn.T("Status", "状态"), turn.T("Budget", "预算") };
        var rows = items.Select(c => (IReadOnlyList<string>)[c.Str("name"), c.Str("ad_account_name"), c.Str("status"), $"{Say.Money(c.Dec("budget"), c.Str("currency"))} {c.Str("budget_type")}"]).ToList();
        var total = calls.Sum(c => turn.Result(c).Long("total"));
        return new AnswerStep(turn.T($"{total} campaign(s); the first {items.Count}:", $"共 {total} 个广告系列，前 {items.Count} 个：") + "\n\n" + Markdown.Table(columns, rows),
            [AgentData.Table(turn.T("Campaigns", "广告系列"), columns, rows)]);
    }

    private static string State(OfflineTurn turn, string state) => state switch
    {
        "ok" => turn.T("authorised", "授权正常"),
        "expiring" => turn.T("expires within 7 days", "7 天内过期"),
        "expired" => turn.T("expired", "已过期"),
        "needs_reauth" => turn.T("needs reconnecting", "需要重新连接"),
        _ => state,
    };
}
