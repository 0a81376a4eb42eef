namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"Rank my creatives": get_creatives by quality score (best first; the weakest for "worst").</summary>
internal static class CreativeSkill
{
    public static OfflineStep Next(OfflineTurn turn)
    {
        var worst = turn.Request.Rank?.Direction is "worst" or "bottom" or "lowest";
        var count = turn.Request.Rank?.Count ?? 10;
        var call = ToolCall.Of("get_creatives", ("sort", "score"), ("page_size", worst ? 100 : Math.Clamp(count, 1, 100)));
        if (turn.Need(call) is { } step)
        {
            return step;
        }

        var items = turn.Result(call).Items("items").Where(c => c.Dec("quality_score") is not null).ToList();
        var chosen = (worst ? items.AsEnumerable().Reverse() : items).Take(count).ToList();
        if (chosen.Count == 0)
        {
            return new AnswerStep(turn.T("You have no scored creatives yet: upload images or videos under **Creatives**.", "你还没有评分的素材：请在**素材**中上传图片或视频。"));
        }

        var columns = new[] { "#", turn.T("Creative", "素材"), turn.T("Type", "类型"), turn.T("Score", "评分"), turn.T("Why", "原因") };
        var rows = chosen.Select((c, i) => (IReadOnlyList<string>)[$"{i + 1}", c.Str("name"), c.Str("type"), Say.Number(c.Dec("quality_score") ?? 0),
            string.Join("; ", c.Items("score_reasons").Select(r => r.Str("text")).Where(r => r.Length > 0).Take(2))]).ToList();
        var text = turn.T($"Your {(worst ? "weakest" : "best")} creatives by quality score (0–100):", $"按质量评分（0–100）{(worst ? "最弱" : "最好")}的素材：");
        return new AnswerStep($"{text}\n\n{Markdown.Table(columns, rows)}", [AgentData.Table(turn.T("Creatives by score", "素材评分"), columns, rows)]);
    }
}
