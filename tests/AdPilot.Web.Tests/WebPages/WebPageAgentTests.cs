using AdPilot.Core.Users;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Tests.Mcp;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.WebPages;

/// <summary>A link given to the agent, through the real orchestrator, the offline model and analyze_web_page.</summary>
public sealed class WebPageAgentTests(WebPagesFactory app) : IClassFixture<WebPagesFactory>
{
    [Fact]
    public async Task LinkAttachment_SummariseThisPage_ReadsItAndAnswersWithTheScore()
    {
        await using var pages = await PageServer.ServeAsync();

        var events = await TurnAsync("agent-link@example.com", "summarise this page", pages.Url("/landing"));

        Assert.Equal(["analyze_web_page"], events.OfType<ToolStarted>().Select(t => t.Tool));
        Assert.False(Assert.Single(events.OfType<ToolFinished>()).IsError);
        var text = Text(events);
        Assert.Contains("**Trail Runner X – lightweight running shoes**", text, StringComparison.Ordinal);
        Assert.Matches(@"Landing-page score: \*\*\d+/100\*\*", text);
        Assert.Contains("| HTTPS | 0/10 |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("never run", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkToAPrivateAddress_IsRefusedByTheTool_AndTheAnswerSaysWhy()
    {
        var events = await TurnAsync("agent-link-private@example.com", "分析这个落地页", "http://10.1.2.3/admin");

        Assert.True(Assert.Single(events.OfType<ToolFinished>()).IsError);
        Assert.Contains("（`url_not_allowed`）。 AdPilot 只读取公共互联网上的页面", Text(events), StringComparison.Ordinal);
    }

    private async Task<List<AgentEvent>> TurnAsync(string email, string text, string url)
    {
        var user = await app.SignInAsync(email);
        var principal = (await app.Services.GetRequiredService<UserService>().GetAsync(user.Id)).ToPrincipal("test");
        await using var turn = await app.Services.GetRequiredService<AgentService>().StartAsync(principal, new AgentTurnRequest
        {
            Text = text,
            Attachments = [new AgentAttachment { Kind = "link", Url = url }],
        });
        var events = new List<AgentEvent>();
        await foreach (var e in turn.RunAsync())
        {
            events.Add(e);
        }

        Assert.IsType<TurnFinished>(events[^1]);
        return events;
    }

    private static string Text(IEnumerable<AgentEvent> events) => string.Concat(events.OfType<TextDelta>().Select(t => t.Text));
}
