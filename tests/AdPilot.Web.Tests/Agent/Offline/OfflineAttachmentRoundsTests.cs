using System.Text.Json.Nodes;
using AdPilot.Core.Creatives;
using AdPilot.Core.WebPages;
using AdPilot.Web.Features.Agent;

namespace AdPilot.Web.Tests.Agent.Offline;

/// <summary>Whole turns about what the user attached: a creative's score, a web page's summary and landing-page score.</summary>
public sealed class OfflineAttachmentRoundsTests
{
    private static readonly DateTime Created = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CreativeView Creative(long id) => new(
        id, "spring-sale.png", CreativeType.Image, CreativeStatus.Active, "image/png", 420_000, 1080, 1350, null, 85,
        [
            new ScoreReason("resolution_high", 40, 40, "1080×1350 is sharp on every placement."),
            new ScoreReason("aspect_near", 15, 30, "Close to 4:5; it will be cropped slightly. Export at exactly 4:5."),
            new ScoreReason("size_ok", 15, 15, "0.4 MB loads quickly."),
            new ScoreReason("still_image", 15, 15, "A still image has no duration to optimise."),
        ],
        ["feed", "portrait"], [], $"https://files.example/{id}.png", null, Created, Created);

    /// <summary>A page over plain HTTP with no description; its title tries to smuggle in a link and a tracking image.</summary>
    private static WebPageReport Page(string url)
    {
        var content = new WebPageContent(
            "Trail Runner X [win](javascript:alert(1)) ![t](https://tracker.example/p.gif)", null, "en",
            [new MetaTag("og:title", "Trail Runner X")], [new PageHeading(1, "Trail Runner X"), new PageHeading(2, "Specs")], 1,
            "Light, fast and made for mud. 220 g.", 180, 12, [new PageLink("Buy", url + "/buy")],
            [new CallToAction("Buy now", url + "/buy", "link", true)], [new PageForm(url + "/subscribe", "post", 1, ["email"])], 4, 1,
            "width=device-width, initial-scale=1");
        return new WebPageReport(url, url + "/", 200, false, "text/html", 24_576, 420, content, LandingPageScorer.Score(content, false, 24_576, 420));
    }

    [Fact]
    public async Task ScoreThisCreative_ReadsTheCreative_AndAnswersWithItsScoreReasonsAndTags()
    {
        var agent = new OfflineHarness();
        var first = await agent.AskAsync("score this creative", attachments: OfflineHarness.Attached("image:12"));
        Assert.Equal(["get_creative(creative_id=12)"], OfflineHarness.Calls(first).Select(OfflineHarness.Key));

        var final = await agent.ReplyAsync(_ => Creative(12));

        Assert.Empty(OfflineHarness.Calls(final));
        Assert.Contains("**\"spring-sale.png\"** (image, 1080×1350) scores **85/100**.", final.Text, StringComparison.Ordinal);
        Assert.Contains("| Resolution | 40/40 | 1080×1350 is sharp on every placement. |", final.Text, StringComparison.Ordinal);
        Assert.Contains("**To improve first:** Close to 4:5; it will be cropped slightly. Export at exactly 4:5.", final.Text, StringComparison.Ordinal);
        Assert.Contains("Suggested tags: `feed`, `portrait`", final.Text, StringComparison.Ordinal);
        var table = Assert.IsType<TableContent>(Assert.Single(final.Messages.SelectMany(m => m.Contents), c => c is TableContent));
        Assert.Equal(4, table.Table.Rows.Count);
    }

    [Fact]
    public async Task ScoreThisCreative_Chinese_AnswersInChinese()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("给这个素材打分", attachments: OfflineHarness.Attached("image:12"));

        var final = await agent.ReplyAsync(_ => Creative(12));

        Assert.Contains("**「spring-sale.png」**（图片, 1080×1350）得分 **85/100**。", final.Text, StringComparison.Ordinal);
        Assert.Contains("建议标签：`feed`、`portrait`", final.Text, StringComparison.Ordinal);
        Assert.Contains("| 分辨率 | 40/40 | 1080×1350，在所有版位都清晰。 |", final.Text, StringComparison.Ordinal);
        Assert.Contains("**优先改进：** 画面比例：接近常见版位的比例，会被轻微裁切；请按准确比例导出。", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SummariseThisPage_ReadsIt_AndAnswersWithASummaryTheScoreAndATableOfIssues()
    {
        var agent = new OfflineHarness();
        var first = await agent.AskAsync("summarise this page", attachments: OfflineHarness.Attached("link:http://shop.example.com"));
        Assert.Equal(["analyze_web_page(url=http://shop.example.com)"], OfflineHarness.Calls(first).Select(OfflineHarness.Key));

        var final = await agent.ReplyAsync(c => Page(OfflineHarness.Arg(c, "url")));

        var text = final.Text;
        Assert.Contains("Landing-page score: **72/100**", text, StringComparison.Ordinal);
        Assert.Contains("| Calls to action | \"Buy now\" (above the fold) |", text, StringComparison.Ordinal);
        Assert.Contains("**Issues to fix (4):**", text, StringComparison.Ordinal);
        Assert.Contains("| HTTPS | 0/10 | Served over plain HTTP: browsers mark it \"Not secure\". |", text, StringComparison.Ordinal);
        Assert.Contains("| Meta description | 0/10 |", text, StringComparison.Ordinal);
        Assert.Contains("**Excerpt:** Light, fast and made for mud.", text, StringComparison.Ordinal);
        // The page's title is shown as text: its link and image are escaped, so nothing is fetched or clickable.
        Assert.Contains(@"Trail Runner X \[win\]\(javascript:alert\(1\)\) \!\[t\]\(https://tracker.example/p.gif\)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("![t](", text, StringComparison.Ordinal);
        Assert.Equal(11, Assert.IsType<TableContent>(Assert.Single(final.Messages.SelectMany(m => m.Contents), c => c is TableContent)).Table.Rows.Count);
    }

    [Fact]
    public async Task AnalyzeThisLandingPage_Chinese_ListsWhatToDoInChinese()
    {
        var agent = new OfflineHarness();
        await agent.AskAsync("分析这个落地页", attachments: OfflineHarness.Attached("link:http://shop.example.com"));

        var final = await agent.ReplyAsync(c => Page(OfflineHarness.Arg(c, "url")));

        Assert.Contains("落地页评分：**72/100**", final.Text, StringComparison.Ordinal);
        Assert.Contains("| HTTPS | 0/10 | 启用 HTTPS，避免浏览器标记为「不安全」。 |", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedLink_SaysWhy_AndTheImageStillAnswers()
    {
        var agent = new OfflineHarness();
        var first = await agent.AskAsync("what about these", attachments: OfflineHarness.Attached("image:12 link:http://169.254.169.254/latest"));
        Assert.Equal(2, OfflineHarness.Calls(first).Count);

        var final = await agent.ReplyAsync(c => c.Name == "get_creative" ? Creative(12) : new JsonObject
        {
            ["error"] = new JsonObject { ["code"] = "url_not_allowed", ["message"] = "169.254.169.254 leads to 169.254.169.254, a cloud metadata address." },
        });

        Assert.Contains("scores **85/100**", final.Text, StringComparison.Ordinal);
        Assert.Contains("(`url_not_allowed`). AdPilot only reads pages on the public internet", final.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttachmentNote_IsNotReadAsWords()
    {
        var agent = new OfflineHarness();
        var note = AgentAttachments.Note(OfflineHarness.Attached("image:12"));

        var first = await agent.AskAsync("pause Spring Sale 1" + note, attachments: OfflineHarness.Attached("image:12"));

        Assert.Equal(["get_campaigns(page_size=10, search=Spring Sale 1)"], OfflineHarness.Calls(first).Select(OfflineHarness.Key));
    }
}
