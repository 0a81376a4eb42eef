using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>One creative's quality score (get_creative): the score, each rule's points and reason, and the suggested tags.</summary>
internal static class CreativeAnswer
{
    public static string For(OfflineTurn turn, JsonElement creative, List<AIContent> data)
    {
        var name = Markdown.Escape(creative.Str("name"));
        var type = creative.Str("type") == "video" ? turn.T("video", "视频") : turn.T("image", "图片");
        var size = creative.Dec("width") is { } w && creative.Dec("height") is { } h ? $", {w}×{h}" : "";
        if (creative.Dec("quality_score") is not { } score)
        {
            return turn.T($"**\"{name}\"** ({type}{size}) has no quality score yet; it is still being processed.", $"**「{name}」**（{type}{size}）还没有质量评分，仍在处理中。");
        }

        var reasons = creative.Items("score_reasons").ToList();
        var columns = new[] { turn.T("Rule", "规则"), turn.T("Points", "得分"), turn.T("Why", "原因") };
        var rows = reasons.Select(r => (IReadOnlyList<string>)[CreativeRules.Label(turn, r.Str("code")), $"{r.Long("points")}/{r.Long("max_points")}",
            Markdown.Escape(CreativeRules.Reason(turn, creative, r))]).ToList();
        var text = new StringBuilder(turn.T($"**\"{name}\"** ({type}{size}) scores **{Say.Number(score)}/100**.", $"**「{name}」**（{type}{size}）得分 **{Say.Number(score)}/100**。"));
        text.Append("\n\n").Append(Markdown.Table(columns, rows));
        var weakest = reasons.Where(r => r.Long("points") < r.Long("max_points")).OrderBy(r => r.Long("points") - r.Long("max_points")).FirstOrDefault();
        if (weakest.ValueKind == JsonValueKind.Object)
        {
            var why = Markdown.Escape(CreativeRules.Reason(turn, creative, weakest));
            text.Append('\n').Append(turn.T($"**To improve first:** {why}", $"**优先改进：** {CreativeRules.Label(turn, weakest.Str("code"))}：{why}"));
        }

        var tags = creative.Items("suggested_tags").Select(t => $"`{t.GetString()?.Replace("`", "", StringComparison.Ordinal)}`").ToList();
        text.Append("\n\n").Append(tags.Count > 0 ? turn.T($"Suggested tags: {string.Join(", ", tags)}", $"建议标签：{string.Join("、", tags)}") : turn.T("No tags suggested.", "没有建议的标签。"));
        data.Add(AgentData.Table(turn.T($"Score of \"{creative.Str("name")}\"", $"「{creative.Str("name")}」的评分"), columns,
            reasons.Select(r => (IReadOnlyList<object?>)[CreativeRules.Label(turn, r.Str("code")), r.Long("points"), CreativeRules.Reason(turn, creative, r)])));
        return text.ToString();
    }
}
