namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Pause or resume: the page's entity ("pause this"), entities by name ("pause Spring Sale 1"), or by rule or rank ("ad sets with CPA over 20", "the three worst ad sets on Meta").</summary>
internal static class StatusSkill
{
    private const int MaxChanges = 20;

    public static OfflineStep Next(OfflineTurn turn, bool pause)
    {
        var request = turn.Request;
        var verb = pause ? "pause" : "resume";
        if (request.MissingPlatform is { } platform)
        {
            return new AnswerStep(turn.T($"You have no {platform} ad account connected, so there is nothing to {verb} there.", $"你没有连接 {platform} 广告账户，那里没有可以{(pause ? "暂停" : "恢复")}的内容。"));
        }

        if (request.Rules.Count > 0 || request.Rank is not null)
        {
            return ByRule(turn, pause);
        }

        if (request.This is { EntityType: "campaign" or "ad_set" or "ad", EntityId: { } id } page && request.Names.Count == 0)
        {
            var level = page.EntityType!;
            return Proposals.Make(turn, [new PlannedChange(ToolCall.Of($"{verb}_{level}", ($"{level}_id", id)), Proposals.Verb(turn, pause, level, turn.T($"#{id} (this page)", $"#{id}（当前页面）")))]);
        }

        if (request.Names.Count == 0)
        {
            return Answers.Clarify(turn, $"What should I {verb}? Name a campaign, ad set or ad, or give a rule.",
                $"要{(pause ? "暂停" : "恢复")}什么？请说出广告系列、广告组或广告的名称，或者给出一个规则。");
        }

        var kind = request.Level is "ad_set" or "ad" ? request.Level : "campaign";
        var lookup = EntityLookup.Find(turn, request.Names, kind);
        if (lookup.Pending is { } pending)
        {
            return pending;
        }

        if (lookup.Missing.Count > 0)
        {
            return Answers.NotFound(turn, lookup.Missing, kind);
        }

        var target = pause ? "paused" : "active";
        var already = lookup.Found.Where(f => f.Entity.Str("status") == target).Select(f => $"- {Say.Quote(f.Entity.Str("name"), turn.Zh)}").ToList();
        var changes = lookup.Found.Where(f => f.Entity.Str("status") != target).DistinctBy(f => f.Entity.Long("id"))
            .Select(f => new PlannedChange(ToolCall.Of($"{verb}_{kind}", ($"{kind}_id", f.Entity.Long("id"))), Proposals.Verb(turn, pause, kind, f.Entity.Str("name")))).ToList();
        var note = already.Count == 0 ? null : turn.T($"Already {target}, nothing to do:", pause ? "已经是暂停状态，无需操作：" : "已经在投放，无需操作：") + "\n\n" + string.Join("\n", already);
        return changes.Count == 0 ? new AnswerStep(note!) : Proposals.Make(turn, changes, after: note);
    }

    /// <summary>Ranks the level's entities (get_breakdown) and proposes the change for those the rules select, or the N at the end the user named.</summary>
    private static OfflineStep ByRule(OfflineTurn turn, bool pause)
    {
        var request = turn.Request;
        var level = request.Level is "campaign" or "ad" ? request.Level : "ad_set";
        var direction = request.Rank?.Direction ?? "worst";
        var metric = (request.Rules.Count > 0 ? request.Rules[0].Metric : null) ?? request.Metric ?? Ranker.DefaultMetric(direction);
        var descending = request.Rules.Count > 0 ? request.Rules[0].Op == "gt" : Ranker.Descending(direction, metric);
        var calls = RankSkill.Calls(turn, level, metric, descending, 100);
        if (turn.Need(calls) is { } step)
        {
            return step;
        }

        var status = pause ? "active" : "paused";
        var ranked = Ranker.Order(calls.SelectMany(c => turn.Result(c).Items("rows")), metric, descending, deliveredOnly: true).Where(r => r.Str("status") == status).ToList();
        var selected = request.Rules.Count > 0 ? ranked.Where(r => request.Rules.All(rule => Ranker.Holds(rule, r))).Take(MaxChanges).ToList() : ranked.Take(Ranker.Count(request, 3)).ToList();
        var what = request.Rules.Count > 0
            ? Ranker.Describe(turn, request.Rules)
            : turn.T($"the {Names.Level(level, false, true)} ranked {direction} by {Names.Metric(metric, false)}", $"按{Names.Metric(metric, true)}排名{(direction == "best" ? "最好" : "最差")}的{Names.Level(level, true)}");
        var scope = request.Accounts.Count > 0 ? $" ({string.Join(", ", request.Accounts.Select(a => a.Name))})" : "";
        if (selected.Count == 0)
        {
            return new AnswerStep(turn.T($"No {(pause ? "active" : "paused")} {Names.Level(level, false, true)}{scope} match {what} between {request.Range.FromText} and {request.Range.ToText}, so there is nothing to {(pause ? "pause" : "resume")}.",
                $"{request.Range.FromText} 至 {request.Range.ToText}，没有{(pause ? "在投" : "已暂停")}的{Names.Level(level, true)}{scope}符合「{what}」，无需{(pause ? "暂停" : "恢复")}。"));
        }

        var preface = turn.T($"{selected.Count} {Names.Level(level, false, selected.Count > 1)}{scope} match {what} ({request.Range}):", $"{request.Range}，符合「{what}」的{Names.Level(level, true)}{scope}有 {selected.Count} 个：")
            + "\n\n" + RankSkill.Table(turn, selected, metric);
        var verb = pause ? "pause" : "resume";
        return Proposals.Make(turn, [.. selected.Select(r => new PlannedChange(ToolCall.Of($"{verb}_{level}", ($"{level}_id", r.Long("id"))),
            Proposals.Verb(turn, pause, level, r.Str("name")) + $" ({Names.Metric(metric, turn.Zh)} {Say.Metric(metric, r.Metric(metric), r.Str("currency"))})"))], preface);
    }
}
