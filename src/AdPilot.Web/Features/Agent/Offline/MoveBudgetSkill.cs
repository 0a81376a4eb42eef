namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"Move 20% of budget from A to B": both campaigns looked up, the amount worked out from A's budget, two update_campaign proposals.</summary>
internal static class MoveBudgetSkill
{
    public static OfflineStep Next(OfflineTurn turn)
    {
        var request = turn.Request;
        if (request.Names.Count < 2 || request.Budget is not { } change)
        {
            return Answers.Clarify(turn, "Say how much and between which two campaigns, e.g. \"move 20% of budget from Spring Sale 1 to Holiday Push 3\".",
                "请说明金额以及在哪两个广告系列之间转移，例如「把 Spring Sale 1 的20%预算转到 Holiday Push 3」。");
        }

        var lookup = EntityLookup.Find(turn, request.Names.Take(2).ToList(), "campaign");
        if (lookup.Pending is { } pending)
        {
            return pending;
        }

        if (lookup.Missing.Count > 0)
        {
            return Answers.NotFound(turn, lookup.Missing, "campaign");
        }

        var (from, to) = (lookup.Found[0].Entity, lookup.Found[1].Entity);
        var (source, target, currency) = (from.Dec("budget") ?? 0, to.Dec("budget") ?? 0, from.Str("currency"));
        if (from.Long("id") == to.Long("id"))
        {
            return new AnswerStep(turn.T("Both names point to the same campaign; name two different ones.", "两个名称指向同一个广告系列，请说出两个不同的广告系列。"));
        }

        if (to.Str("currency") != currency)
        {
            return new AnswerStep(turn.T($"\"{from.Str("name")}\" is in {currency} and \"{to.Str("name")}\" in {to.Str("currency")}: a budget cannot move between currencies. Change each budget on its own instead.",
                $"「{from.Str("name")}」使用 {currency}，「{to.Str("name")}」使用 {to.Str("currency")}：预算不能在不同币种之间转移，请分别调整。"));
        }

        var amount = Math.Round(change.Percent ? source * change.Value / 100m : change.Value, 2, MidpointRounding.AwayFromZero);
        if (amount <= 0 || source - amount < 1)
        {
            return new AnswerStep(turn.T($"\"{from.Str("name")}\" has a budget of {Say.Money(source, currency)}; moving {Say.Money(amount, currency)} would leave less than 1.",
                $"「{from.Str("name")}」的预算为 {Say.Money(source, currency)}，转出 {Say.Money(amount, currency)} 后将不足 1。"));
        }

        var preface = turn.T($"Moving {Say.Money(amount, currency)}{(change.Percent ? $" ({Say.Number(change.Value)}% of its budget)" : "")} from \"{from.Str("name")}\" to \"{to.Str("name")}\".",
            $"从「{from.Str("name")}」转出 {Say.Money(amount, currency)}{(change.Percent ? $"（其预算的 {Say.Number(change.Value)}%）" : "")} 到「{to.Str("name")}」。");
        if (from.Str("budget_type") != to.Str("budget_type"))
        {
            preface += turn.T(" Note: one budget is daily and the other lifetime, so the amounts do not cover the same period.", " 注意：一个是日预算，另一个是总预算，两者覆盖的时间不同。");
        }

        return Proposals.Make(turn,
        [
            new(ToolCall.Of("update_campaign", ("campaign_id", from.Long("id")), ("budget", source - amount)), BudgetSkill.Describe(turn, from.Str("name"), from.Str("budget_type"), source, source - amount, currency)),
            new(ToolCall.Of("update_campaign", ("campaign_id", to.Long("id")), ("budget", target + amount)), BudgetSkill.Describe(turn, to.Str("name"), to.Str("budget_type"), target, target + amount, currency)),
        ], preface);
    }
}
