using AdPilot.Web.Tests.Support;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Xunit;

namespace AdPilot.Web.Tests.Mcp;

public sealed class PromptsAndResourcesTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{
    private Task<(McpUser User, ReportTree Usd, ReportTree Eur)> SeededAsync(string email) => ReportTree.SeedUserAsync(app, email);

    private static Dictionary<string, object?> Args(params (string Key, string Value)[] args) => args.ToDictionary(a => a.Key, a => (object?)a.Value);

    [Fact]
    public async Task Prompts_AreListedWithTheirArguments()
    {
        var user = await app.SignInAsync("mcp-prompts-list@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var prompts = (await client.ListPromptsAsync()).Select(p => p.ProtocolPrompt).ToList();

        var weekly = Assert.Single(prompts, p => p.Name == "weekly_review");
        Assert.False(string.IsNullOrWhiteSpace(weekly.Description));
        Assert.Equal(["to", "ad_account_id"], weekly.Arguments!.Select(a => a.Name));
        var diagnose = Assert.Single(prompts, p => p.Name == "diagnose_cpa");
        Assert.True(diagnose.Arguments!.Single(a => a.Name == "campaign_id").Required);
    }

    [Fact]
    public async Task WeeklyReview_OpensWithTheCallersTotalsPerCurrency_AndTheSteps()
    {
        var (user, usd, _) = await SeededAsync("mcp-prompts-weekly@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var all = await client.GetPromptAsync("weekly_review", Args(("to", "2026-11-22")));
        var one = await client.GetPromptAsync("weekly_review", Args(("to", "2026-11-22"), ("ad_account_id", usd.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var text = Assert.IsType<TextContentBlock>(Assert.Single(all.Messages).Content).Text;
        Assert.Contains("2026-11-16 to 2026-11-22", text, StringComparison.Ordinal);
        Assert.Contains("\"currency\":\"EUR\"", text, StringComparison.Ordinal);
        Assert.Contains("\"currency\":\"USD\"", text, StringComparison.Ordinal);
        Assert.Contains("analyze_performance", text, StringComparison.Ordinal);
        Assert.Contains("dry_run: true", text, StringComparison.Ordinal);
        var scoped = Assert.IsType<TextContentBlock>(Assert.Single(one.Messages).Content).Text;
        Assert.DoesNotContain("\"currency\":\"EUR\"", scoped, StringComparison.Ordinal);
        Assert.Contains($"ad_account_id: {usd.AccountId}", scoped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagnoseCpa_ListsTheCampaignsAdSetsWorstFirst()
    {
        var (user, usd, _) = await SeededAsync("mcp-prompts-cpa@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var prompt = await client.GetPromptAsync("diagnose_cpa", Args(("campaign_id", usd.Campaigns[0].ToString(System.Globalization.CultureInfo.InvariantCulture)), ("to", "2026-11-22")));

        var text = Assert.IsType<TextContentBlock>(Assert.Single(prompt.Messages).Content).Text;
        Assert.Contains("type,id,name,status,currency,spend", text, StringComparison.Ordinal);
        Assert.Contains("USD set 1.1", text, StringComparison.Ordinal);
        Assert.Contains("get_metrics", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prompts_AnotherUsersIdsOrBadArguments_AreErrors()
    {
        var (_, usd, _) = await SeededAsync("mcp-prompts-owner@example.com");
        var stranger = await app.SignInAsync("mcp-prompts-stranger@example.com");
        await using var client = await app.ConnectMcpAsync(stranger.AccessToken);
        var campaign = usd.Campaigns[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var account = usd.AccountId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var foreignCampaign = await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("diagnose_cpa", Args(("campaign_id", campaign))).AsTask());
        var foreignAccount = await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("weekly_review", Args(("ad_account_id", account))).AsTask());
        var badDate = await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("weekly_review", Args(("to", "last week"))).AsTask());
        var badId = await Assert.ThrowsAsync<McpProtocolException>(() => client.GetPromptAsync("diagnose_cpa", Args(("campaign_id", "twelve"))).AsTask());

        Assert.Contains(": not_found:", foreignCampaign.Message, StringComparison.Ordinal);
        Assert.Contains(": not_found:", foreignAccount.Message, StringComparison.Ordinal);
        Assert.Equal(McpErrorCode.InvalidParams, foreignCampaign.ErrorCode);
        Assert.Contains(": validation_failed:", badDate.Message, StringComparison.Ordinal);
        Assert.Contains("campaign_id", badId.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportCsvs_AreResourceTemplates_ReadForTheCaller()
    {
        var (user, usd, _) = await SeededAsync("mcp-resources-read@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var templates = (await client.ListResourceTemplatesAsync()).Select(t => t.UriTemplate).ToList();
        var breakdown = await client.ReadResourceAsync($"adpilot://reports/campaign-{usd.Campaigns[0]}/2026-11-16/2026-11-22.csv");
        var all = await client.ReadResourceAsync("adpilot://reports/all/2026-11-16/2026-11-22.csv");
        var daily = await client.ReadResourceAsync($"adpilot://metrics/account-{usd.AccountId}/2026-11-21/2026-11-22.csv");

        Assert.Contains("adpilot://reports/{scope}/{from}/{to}.csv", templates);
        Assert.Contains("adpilot://metrics/{scope}/{from}/{to}.csv", templates);
        var csv = Assert.IsType<TextResourceContents>(Assert.Single(breakdown.Contents));
        Assert.Equal("text/csv", csv.MimeType);
        Assert.StartsWith("type,id,name,status,currency,spend", csv.Text, StringComparison.Ordinal);
        Assert.Contains("ad_set,", csv.Text, StringComparison.Ordinal);
        var rows = Assert.IsType<TextResourceContents>(Assert.Single(all.Contents)).Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, rows.Length); // header + 4 campaigns, each in its own currency
        Assert.Equal(["period,currency,spend,impressions,clicks,conversions,revenue,ctr,cpc,cpa,roas", "2026-11-21,USD,30,2000,30,2,50,0.015,1,15,1.666667", "2026-11-22,USD,30,2000,30,2,50,0.015,1,15,1.666667"],
            Assert.IsType<TextResourceContents>(Assert.Single(daily.Contents)).Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Resources_AnotherUsersScopeIsNotFound_AndABadScopeIsInvalid()
    {
        var (_, usd, _) = await SeededAsync("mcp-resources-owner@example.com");
        var stranger = await app.SignInAsync("mcp-resources-stranger@example.com");
        await using var client = await app.ConnectMcpAsync(stranger.AccessToken);

        var campaign = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync($"adpilot://reports/campaign-{usd.Campaigns[0]}/2026-11-16/2026-11-22.csv").AsTask());
        var account = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync($"adpilot://metrics/account-{usd.AccountId}/2026-11-16/2026-11-22.csv").AsTask());
        var ad = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync($"adpilot://metrics/ad-{usd.Ads[0]}/2026-11-16/2026-11-22.csv").AsTask());
        var planet = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("adpilot://reports/planet-1/2026-11-16/2026-11-22.csv").AsTask());
        var date = await Assert.ThrowsAsync<McpProtocolException>(() => client.ReadResourceAsync("adpilot://reports/all/2026-11-16/tomorrow.csv").AsTask());

        Assert.All([campaign, account, ad], e => Assert.Equal((McpErrorCode.ResourceNotFound, true), (e.ErrorCode, e.Message.Contains(": not_found:", StringComparison.Ordinal))));
        Assert.Equal(McpErrorCode.InvalidParams, planet.ErrorCode);
        Assert.Contains(": validation_failed:", date.Message, StringComparison.Ordinal);
    }
}
