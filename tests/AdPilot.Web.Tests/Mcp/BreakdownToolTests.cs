using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Mcp;

/// <summary>get_breakdown: entities inside a scope ranked by a metric, over the same numbers as get_reports.</summary>
public sealed class BreakdownToolTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{
    private const string From = "2026-11-16";
    private const string To = "2026-11-22";

    [Fact]
    public async Task GetBreakdown_AdSetsOfAnAccount_WorstCpaFirst_LimitedWithTheTotal()
    {
        var (user, usd, _) = await ReportTree.SeedUserAsync(app, "mcp-breakdown-rank@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var ranked = await client.SucceedsAsync("get_breakdown", new { from = From, to = To, level = "ad_set", ad_account_id = usd.AccountId, sort = "cpa", limit = 2 });

        Assert.Equal(("ad_set", "cpa", true, 4), (ranked.GetProperty("level").GetString(), ranked.GetProperty("sort").GetString(),
            ranked.GetProperty("descending").GetBoolean(), ranked.GetProperty("total_rows").GetInt32()));
        var rows = ranked.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([(usd.AdSets[2], 20m), (usd.AdSets[0], 10m)], rows.Select(r => (r.GetProperty("id").GetInt64(), r.GetProperty("cpa").GetDecimal())));
        Assert.Equal(("USD set 2.1", "USD", "active"), (rows[0].GetProperty("name").GetString(), rows[0].GetProperty("currency").GetString(), rows[0].GetProperty("status").GetString()));
    }

    [Fact]
    public async Task GetBreakdown_Defaults_CampaignsOfAllAccounts_AndAdsOfAnAdSet()
    {
        var (user, usd, _) = await ReportTree.SeedUserAsync(app, "mcp-breakdown-defaults@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var campaigns = await client.SucceedsAsync("get_breakdown", new { from = From, to = To });
        var ads = await client.SucceedsAsync("get_breakdown", new { from = From, to = To, ad_set_id = usd.AdSets[0], sort = "roas", descending = false });
        var accounts = await client.SucceedsAsync("get_breakdown", new { from = From, to = To, level = "ad_account", currency = "usd" });

        Assert.Equal(("campaign", 4), (campaigns.GetProperty("level").GetString(), campaigns.GetProperty("total_rows").GetInt32()));
        Assert.Equal(["EUR", "EUR", "USD", "USD"], campaigns.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("currency").GetString()).Order());
        Assert.Equal([usd.Ads[0], usd.Ads[1]], ads.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        var account = Assert.Single(accounts.GetProperty("rows").EnumerateArray());
        Assert.Equal((usd.AccountId, 210m), (account.GetProperty("id").GetInt64(), account.GetProperty("spend").GetDecimal()));
    }

    [Fact]
    public async Task GetBreakdown_BadArguments_AreFieldErrors()
    {
        var (user, usd, _) = await ReportTree.SeedUserAsync(app, "mcp-breakdown-bad@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        foreach (var (arguments, field) in new (object, string)[]
        {
            (new { level = "galaxy" }, "level"), (new { sort = "happiness" }, "sort"), (new { limit = 0 }, "limit"), (new { limit = 101 }, "limit"),
            (new { level = "campaign", campaign_id = usd.Campaigns[0] }, "level"), (new { from = "2026-11-22", to = "2026-11-01" }, "from"),
        })
        {
            var error = await client.FailsAsync("get_breakdown", arguments, code: "validation_failed");
            Assert.True(error.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {error}");
        }

        await client.FailsAsync("get_breakdown", new { campaign_id = usd.Campaigns[0], ad_set_id = usd.AdSets[0] }, code: "validation_failed");
    }

    [Fact]
    public async Task GetBreakdown_AnotherUsersIds_AreNotFound()
    {
        var (_, usd, _) = await ReportTree.SeedUserAsync(app, "mcp-breakdown-owner@example.com");
        var stranger = await app.SignInAsync("mcp-breakdown-stranger@example.com");
        await using var client = await app.ConnectMcpAsync(stranger.AccessToken);

        await client.FailsAsync("get_breakdown", new { ad_account_id = usd.AccountId }, code: "not_found");
        await client.FailsAsync("get_breakdown", new { campaign_id = usd.Campaigns[0] }, code: "not_found");
        await client.FailsAsync("get_breakdown", new { ad_set_id = usd.AdSets[0], level = "ad" }, code: "not_found");
        var own = await client.SucceedsAsync("get_breakdown", new { level = "ad_set" });
        Assert.Equal(0, own.GetProperty("total_rows").GetInt32());
    }
}
