using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// Budget changes: "raise the budget of X by 20%", "set X's daily budget to 50", "把ROAS最高的广告系列预算提高10%". The
/// campaign's budget is read first (get_campaigns or get_campaign), the new one worked out, and update_campaign proposed.
/// </summary>
internal static class BudgetSkill
{
    public static OfflineStep Next(OfflineTurn turn)
    {
        var request = turn.Request;
        if (request.Budget is not { } change)
        {
            return Answers.Clarify(turn, "How should the budget change? For example \"raise the budget of Spring Sale 1 by 20%\" or \"set its daily budget to 50\".",
                "预算要怎么调整？例如「把 Spring Sale 1 的预算提高20%」或「把日预算设为50」。");
        }

        if (request.Rank is { } rank && request.Names.Count == 0)
        {
            var metric = request.Metric ?? Ranker.DefaultMetric(rank.Direction);
            var descending = Ranker.Descending(rank.Direction, metric);
            var calls = RankSkill.Calls(turn, "campaign", metric, descending, 100);
            if (turn.Need(calls) is { } step)
            {
                return step;
            }

            var top = Ranker.Order(calls.SelectMany(c => turn.Result(c).Items("rows")), metric, descending, deliveredOnly: true).Take(Ranker.Count(request, 3)).ToList();
            var why = top.Select(r => turn.T($"\"{r.Str("name")}\" has the {(descending ? "highest" : "lowest")} {Names.Metric(metric, false)} ({Say.Metric(metric, r.Metric(metric), r.Str("currency"))}, {request.Range}).",
                $"「{r.Str("name")}」的{Names.Metric(metric, true)}{(descending ? "最高" : "最低")}（{Say.Metric(metric, r.Metric(metric), r.Str("currency"))}，{request.Range}）。"));
            return top.Count == 0 ? new AnswerStep(turn.T("No campaign delivered in that period, so none ranks.", "该时段没有投放的广告系列，无法排名。"))
                : Campaigns(turn, top.Select(r => r.Long("id")).ToList(), change, string.Join("\n", why));
        }

        if (request.This is { EntityType: "campaign", EntityId: { } id } && request.Names.Count == 0)
        {
            return Campaigns(turn, [id], change, null);
        }

        if (request.Names.Count == 0)
        {
            return Answers.Clarify(turn, "Which campaign's budget? Name it, e.g. \"raise the budget of Spring Sale 1 by 20%\".", "要调整哪个广告系列的预算？请说出名称，例如「把 Spring Sale 1 的预算提高20%」。");
        }

        var level = request.Level == "ad_set" ? "ad_set" : "campaign";
        var lookup = EntityLookup.Find(turn, request.Names, level);
        if (lookup.Pending is { } pending)
        {
            return pending;
        }

        if (lookup.Missing.Count > 0)
        {
            return Answers.NotFound(turn, lookup.Missing, level);
        }

        return level == "ad_set" ? AdSets(turn, lookup.Found.Select(f => f.Entity).ToList(), change) : Propose(turn, lookup.Found.Select(f => f.Entity).ToList(), change, null);
    }

    /// <summary>Campaigns known by id only: read each (get_campaign) for its budget, then propose.</summary>
    private static OfflineStep Campaigns(OfflineTurn turn, IReadOnlyList<long> ids, BudgetChange change, string? preface)
    {
        var reads = ids.Select(id => ToolCall.Of("get_campaign", ("campaign_id", id))).ToList();
        return turn.Need(reads) ?? Propose(turn, [.. reads.Select(r => turn.Result(r).Get("campaign") ?? default)], change, preface);
    }

    private static OfflineStep Propose(OfflineTurn turn, IReadOnlyList<JsonElement> campaigns, BudgetChange change, string? preface)
    {
        var changes = new List<PlannedChange>();
        var refused = new List<string>();
        foreach (var campaign in campaigns.DistinctBy(c => c.Long("id")))
        {
            var (before, currency, type) = (campaign.Dec("budget") ?? 0, campaign.Str("currency"), campaign.Str("budget_type"));
            var after = change.Apply(before);
            if (after < 1 || after > 1_000_000)
            {
                refused.Add(turn.T($"- \"{campaign.Str("name")}\": {Say.Money(after, currency)} is outside 1 to 1,000,000.", $"- 「{campaign.Str("name")}」：{Say.Money(after, currency)} 超出 1 到 1,000,000 的范围。"));
                continue;
            }

            var newType = change.BudgetType is { } t && t != type ? t : null;
            changes.Add(new PlannedChange(ToolCall.Of("update_campaign", ("campaign_id", campaign.Long("id")), ("budget", after), ("budget_type", newType)),
                Describe(turn, campaign.Str("name"), newType ?? type, before, after, currency)));
        }

        var note = refused.Count == 0 ? null : turn.T("Not proposed:", "未提议：") + "\n\n" + string.Join("\n", refused);
        return changes.Count == 0 ? new AnswerStep(string.Join("\n\n", new[] { preface, note }.OfType<string>())) : Proposals.Make(turn, changes, preface, note);
    }

    /// <summary>Ad sets: only a new amount can be proposed (the breakdown does not carry an ad set's current budget).</summary>
    private static OfflineStep AdSets(OfflineTurn turn, IReadOnlyList<JsonElement> adSets, BudgetChange change) => change.Kind != "target"
        ? Answers.Clarify(turn, "For an ad set I can set a new amount (\"set the budget of ad set X to 40\"); to change it by a percentage, change its campaign's budget.",
            "对于广告组，我可以设置新的金额（「把广告组X的预算设为40」）；如需按百分比调整，请调整其广告系列的预算。")
        : Proposals.Make(turn, [.. adSets.Select(s => new PlannedChange(ToolCall.Of("update_ad_set", ("ad_set_id", s.Long("id")), ("budget", change.Value), ("budget_type", change.BudgetType)),
            turn.T($"Set the budget of ad set \"{s.Str("name")}\" to {Say.Money(change.Value, s.Str("currency"))}", $"将广告组「{s.Str("name")}」的预算设为 {Say.Money(change.Value, s.Str("currency"))}")))]);

    public static string Describe(OfflineTurn turn, string name, string type, decimal before, decimal after, string currency)
    {
        var kind = turn.T(type == "lifetime" ? "lifetime budget" : "daily budget", type == "lifetime" ? "总预算" : "日预算");
        var change = Say.Change(Say.ChangeOf(after, before));
        return after >= before
            ? turn.T($"Raise the {kind} of \"{name}\" from {Say.Money(before, currency)} to {Say.Money(after, currency)} ({change})", $"将「{name}」的{kind}从 {Say.Money(before, currency)} 提高到 {Say.Money(after, currency)}（{change}）")
            : turn.T($"Lower the {kind} of \"{name}\" from {Say.Money(before, currency)} to {Say.Money(after, currency)} ({change})", $"将「{name}」的{kind}从 {Say.Money(before, currency)} 降低到 {Say.Money(after, currency)}（{change}）");
    }
}
