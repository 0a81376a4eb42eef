using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// A web page read by analyze_web_page: what it is (title, description, headings, calls to action, an excerpt), its
/// landing-page score, and a table of the rules it loses points on with what to do. The page's own words are escaped:
/// they are shown, never rendered as links or images.
/// </summary>
internal static class PageAnswer
{
    private const int ExcerptChars = 400;

    public static string For(OfflineTurn turn, JsonElement report, List<AIContent> data)
    {
        var page = report.Get("page") ?? default;
        var url = report.Str("final_url");
        var title = page.Str("title") is { Length: > 0 } t ? Markdown.Escape(t) : Markdown.Escape(new Uri(url).Host);
        var score = report.Get("score") ?? default;
        var text = new StringBuilder(turn.T($"**{title}** ({url})\n\nLanding-page score: **{score.Long("score")}/100**",
            $"**{title}**（{url}）\n\n落地页评分：**{score.Long("score")}/100**"));
        if (page.Str("description") is { Length: > 0 } description)
        {
            text.Append("\n\n> ").Append(Markdown.Escape(description));
        }

        text.Append("\n\n").Append(Markdown.Table([turn.T("Page", "页面"), ""], Facts(turn, report, page)));
        if (page.Str("text_excerpt") is { Length: > 0 } excerpt)
        {
            var cut = excerpt.Length > ExcerptChars ? excerpt[..ExcerptChars] + "…" : excerpt;
            text.Append('\n').Append(turn.T("**Excerpt:** ", "**摘录：**")).Append(Markdown.Escape(cut)).Append('\n');
        }

        var reasons = score.Items("reasons").ToList();
        var issues = reasons.Where(r => r.Long("points") < r.Long("max_points")).ToList();
        text.Append('\n').Append(issues.Count == 0
            ? turn.T("Every landing-page rule passed.", "所有落地页规则都通过了。")
            : turn.T($"**Issues to fix ({issues.Count}):**\n\n", $"**待改进的问题（{issues.Count}）：**\n\n") + Markdown.Table(
                [turn.T("Rule", "规则"), turn.T("Points", "得分"), turn.T("What to do", "建议")],
                issues.Select(r => (IReadOnlyList<string>)[PageRules.Label(turn, r.Str("code")), $"{r.Long("points")}/{r.Long("max_points")}", Why(turn, r)])));
        data.Add(AgentData.Table(turn.T("Landing-page score", "落地页评分"), [turn.T("Rule", "规则"), turn.T("Points", "得分"), turn.T("Max", "满分"), turn.T("Why", "原因")],
            reasons.Select(r => (IReadOnlyList<object?>)[PageRules.Label(turn, r.Str("code")), r.Long("points"), r.Long("max_points"), Why(turn, r)])));
        return text.ToString();
    }

    private static string Why(OfflineTurn turn, JsonElement reason) =>
        turn.Zh ? (reason.Long("points") < reason.Long("max_points") ? PageRules.Fix(reason.Str("code")) : "✓") : Markdown.Escape(reason.Str("text"));

    private static IEnumerable<IReadOnlyList<string>> Facts(OfflineTurn turn, JsonElement report, JsonElement page)
    {
        string YesNo(bool value) => value ? turn.T("yes", "是") : turn.T("no", "否");
        var headings = page.Items("headings").Take(5).Select(h => $"H{h.Long("level")} {Markdown.Escape(h.Str("text"))}").ToList();
        var actions = page.Items("calls_to_action").Take(3)
            .Select(c => $"\"{Markdown.Escape(c.Str("text"))}\"" + (c.Bool("above_fold") ? turn.T(" (above the fold)", "（首屏）") : "")).ToList();
        var forms = page.Items("forms").ToList();
        yield return [turn.T("Language", "语言"), page.Str("language") is { Length: > 0 } language ? Markdown.Escape(language) : "–"];
        yield return [turn.T("Words", "字数"), Say.Count(page.Long("word_count"))];
        yield return [turn.T("Headings", "标题"), headings.Count > 0 ? string.Join("; ", headings) : "–"];
        yield return [turn.T("Calls to action", "行动按钮"), actions.Count > 0 ? string.Join(", ", actions) : "–"];
        yield return [turn.T("Forms", "表单"), forms.Count > 0
            ? $"{forms.Count} ({Markdown.Escape(string.Join(", ", forms.SelectMany(f => f.Items("field_types").Select(t => t.GetString())).Distinct()))})" : "–"];
        yield return [turn.T("Links", "链接"), Say.Count(page.Long("link_count"))];
        yield return [turn.T("Images", "图片"), turn.T($"{page.Long("image_count")} ({page.Long("images_without_alt")} without alt text)", $"{page.Long("image_count")}（{page.Long("images_without_alt")} 张没有 alt 文本）")];
        yield return [turn.T("Mobile-ready", "移动端适配"), YesNo(page.Bool("mobile_viewport"))];
        yield return ["HTTPS", YesNo(report.Bool("https"))];
        yield return [turn.T("HTML weight and fetch time", "HTML 大小与抓取时间"), $"{Say.Number(Math.Round(report.Long("page_bytes") / 1024m, 1))} KB, {report.Long("fetch_milliseconds")} ms"];
    }
}
