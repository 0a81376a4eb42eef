using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// "Score this creative" with an image attached, "summarise this page" with a link: get_creative for each image,
/// analyze_web_page for each link, all in one round, then one section per attachment (a failure says why, the rest still answer).
/// </summary>
internal static class AttachmentSkill
{
    public static OfflineStep Next(OfflineTurn turn)
    {
        var images = turn.Request.Images.Select(id => ToolCall.Of("get_creative", ("creative_id", id))).ToList();
        var pages = turn.Request.Links.Select(url => ToolCall.Of("analyze_web_page", ("url", url))).ToList();
        if (turn.Need([.. images, .. pages], tolerateErrors: true) is { } step)
        {
            return step;
        }

        var data = new List<AIContent>();
        var sections = images.Select(c => Section(turn, c, run => CreativeAnswer.For(turn, run.Result, data)))
            .Concat(pages.Select(c => Section(turn, c, run => PageAnswer.For(turn, run.Result, data))));
        return new AnswerStep(string.Join("\n\n---\n\n", sections), data);
    }

    private static string Section(OfflineTurn turn, ToolCall call, Func<ToolRun, string> answer)
    {
        var run = turn.Run(call)!;
        if (!run.Failed)
        {
            return answer(run);
        }

        var what = call.Name == "get_creative"
            ? turn.T($"creative {ToolRun.Text(call.Arguments["creative_id"])}", $"素材 {ToolRun.Text(call.Arguments["creative_id"])}")
            : ToolRun.Text(call.Arguments["url"]);
        var hint = run.ErrorCode == "url_not_allowed"
            ? turn.T(" AdPilot only reads pages on the public internet (http or https, no private or local addresses).", " AdPilot 只读取公共互联网上的页面（http 或 https，不含内网或本地地址）。")
            : "";
        return turn.T($"I could not read {Markdown.Escape(what)}: {Markdown.Escape(run.ErrorMessage ?? "")} (`{run.ErrorCode}`).{hint}",
            $"无法读取 {Markdown.Escape(what)}：{Markdown.Escape(run.ErrorMessage ?? "")}（`{run.ErrorCode}`）。{hint}");
    }
}
