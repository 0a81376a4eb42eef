using AdPilot.Core.Data;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Identity;
using AdPilot.Web.Tests.Mcp;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Agent.Offline;

/// <summary>The app as configured by default (the offline model), without background jobs.</summary>
public sealed class OfflineAgentHost : AdPilotFactory
{
    public OfflineAgentHost()
    {
        TestServices = s => s.AddSingleton<IBackgroundJobClient, DroppedJobs>();
    }
}

/// <summary>The offline agent through the real orchestrator: the registry's tools, the simulated platform, proposals, credits.</summary>
public sealed class OfflineAgentServiceTests(OfflineAgentHost app) : IClassFixture<OfflineAgentHost>
{
    [Fact]
    public async Task PauseByName_LooksUpTheCampaign_ProposesAnActionCard_AndChangesNothing()
    {
        var user = await app.SignInAsync("offline-agent-pause@example.com");
        await app.BindSimulatedAccountAsync(user);
        var campaignId = await CreateActiveCampaignAsync(user, "Winter Boots 7");

        var events = await TurnAsync(user, "pause Winter Boots 7");

        Assert.Equal(["get_campaigns", "pause_campaign"], events.OfType<ToolStarted>().Select(t => t.Tool));
        var card = Assert.Single(events.OfType<DataShown>(), d => d.Kind == "action");
        Assert.Equal(("pause_campaign", "proposed", campaignId), ((string?)card.Data["tool"], (string?)card.Data["status"], (long)card.Data["entity_id"]!));
        Assert.Contains("I prepared 1 action — review and apply it below", Text(events), StringComparison.Ordinal);
        Assert.Equal("active", await StatusAsync(campaignId));
        var done = Assert.IsType<TurnFinished>(events[^1]);
        Assert.Equal("offline", done.Model);
        Assert.True(done.InputTokens > 0 && done.OutputTokens > 0);
    }

    [Fact]
    public async Task TopCampaignsBySpend_ReadsTheRealBreakdown_ShowsATableAndAChart_PerCurrency()
    {
        var (user, _, _) = await ReportTree.SeedUserAsync(app, "offline-agent-rank@example.com");

        var events = await TurnAsync(user, "top 2 campaigns by spend from 2026-11-16 to 2026-11-22");

        Assert.Equal(["get_breakdown"], events.OfType<ToolStarted>().Select(t => t.Tool));
        Assert.False(Assert.Single(events.OfType<ToolFinished>()).IsError);
        var text = Text(events);
        Assert.Contains("**USD campaign 2** comes first with Spend $140.00", text, StringComparison.Ordinal);
        Assert.Contains("EUR campaign 2", text, StringComparison.Ordinal);
        Assert.Equal(["table"], events.OfType<DataShown>().Select(d => d.Kind));
        Assert.IsType<TurnFinished>(events[^1]);
    }

    [Fact]
    public async Task PerformanceQuestion_Chinese_AnswersPerCurrencyWithoutAddingThemUp()
    {
        var (user, _, _) = await ReportTree.SeedUserAsync(app, "offline-agent-summary@example.com");

        var events = await TurnAsync(user, "2026-11-16 到 2026-11-22 的表现如何");

        Assert.Equal(["get_reports"], events.OfType<ToolStarted>().Select(t => t.Tool));
        var text = Text(events);
        Assert.Contains("EUR：花费 **€210.00**", text, StringComparison.Ordinal);
        Assert.Contains("USD：花费 **$210.00** (0%)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("420", text, StringComparison.Ordinal);
    }

    private async Task<List<AgentEvent>> TurnAsync(McpUser user, string text)
    {
        var principal = (await app.Services.GetRequiredService<AdPilot.Core.Users.UserService>().GetAsync(user.Id)).ToPrincipal("test");
        await using var turn = await app.Services.GetRequiredService<AgentService>().StartAsync(principal, new AgentTurnRequest { Text = text });
        var events = new List<AgentEvent>();
        await foreach (var e in turn.RunAsync())
        {
            events.Add(e);
        }

        Assert.DoesNotContain(events, e => e is TurnFailed);
        return events;
    }

    private static string Text(IEnumerable<AgentEvent> events) => string.Concat(events.OfType<TextDelta>().Select(t => t.Text));

    private async Task<long> CreateActiveCampaignAsync(McpUser user, string name)
    {
        await using var client = await app.ConnectMcpAsync(await app.CreatePatAsync(user.Id));
        var accountId = (await client.SucceedsAsync("list_ad_accounts")).GetProperty("accounts")[0].GetProperty("id").GetInt64();
        var created = await client.SucceedsAsync("create_campaign", new { ad_account_id = accountId, name, budget = 100m, activate = true });
        return created.GetProperty("result").GetProperty("campaign").GetProperty("id").GetInt64();
    }

    private async Task<string> StatusAsync(long campaignId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (await db.Campaigns.AsNoTracking().SingleAsync(c => c.Id == campaignId)).Status.ToString().ToLowerInvariant();
    }
}
