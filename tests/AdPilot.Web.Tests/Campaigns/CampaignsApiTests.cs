using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.Campaigns;

/// <summary>P22 through the API against the Meta fake: the platform holds what was created, or the campaign says why not.</summary>
public sealed class CampaignsApiTests : IAsyncLifetime
{
    private FakeMeta _meta = null!;
    private AdPilotFactory _host = null!;

    public async Task InitializeAsync()
    {
        _meta = await FakeMeta.StartNewAsync();
        var settings = _meta.Settings();
        settings["Platforms:Http:RetryBaseDelay"] = "00:00:00.001";
        _host = AdPilotFactory.With(settings: settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _meta.DisposeAsync();
    }

    /// <summary>Binds Meta as the browser would: connect, (Meta's dialog), callback with Meta's code and our state.</summary>
    private async Task<(HttpClient Client, long AccountId)> SignedInWithMetaAsync(string email)
    {
        var client = _host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await client.PostDevLoginAsync(email);
        var connect = await (await client.PostAsync("/api/v1/ad-accounts/connect/meta", null)).Content.ReadFromJsonAsync<JsonElement>();
        var authorizeUrl = new Uri(connect.GetProperty("authorizeUrl").GetString()!);
        var state = System.Web.HttpUtility.ParseQueryString(authorizeUrl.Query)["state"];
        var callback = await client.GetAsync($"/api/v1/ad-accounts/callback/meta?code={FakeMeta.Code}&state={state}");
        Assert.Equal("/ad-accounts?connected=3&platform=meta", callback.Headers.Location!.ToString());
        var accounts = await client.GetFromJsonAsync<JsonElement>("/api/v1/ad-accounts");
        return (client, accounts.EnumerateArray().Single(a => a.GetProperty("platformAccountId").GetString() == "act_111").GetProperty("id").GetInt64());
    }

    private static object Campaign(long accountId, decimal budget = 25.5m) => new
    {
        adAccountId = accountId, name = "Black Friday", objective = "sales", budgetType = "daily", budget,
        startDate = "2026-11-27", endDate = "2026-11-30",
    };

    [Fact]
    public async Task Create_OnMeta_ThePlatformHoldsTheSameCampaign_PausedWithBudgetInCents()
    {
        var (client, accountId) = await SignedInWithMetaAsync("meta-campaigns@example.com");

        var response = await client.PostAsJsonAsync("/api/v1/campaigns", Campaign(accountId));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign");
        Assert.Equal(("synced", "paused"), (created.GetProperty("syncStatus").GetString(), created.GetProperty("status").GetString()));
        var remote = Assert.Single(_meta.Campaigns);
        Assert.Equal(created.GetProperty("platformCampaignId").GetString(), remote["id"]);
        Assert.Equal(("Black Friday", "PAUSED", "OUTCOME_SALES", "2550"), (remote["name"], remote["status"], remote["objective"], remote["daily_budget"]));
        Assert.Equal(response.Headers.Location!.ToString(), $"/api/v1/campaigns/{created.GetProperty("id").GetInt64()}");
    }

    [Fact]
    public async Task MetaRefuses_TheCampaignIsKept_MarkedSyncFailedWithMetasReason()
    {
        var (client, accountId) = await SignedInWithMetaAsync("meta-refused@example.com");
        _meta.CampaignCreateError = "Invalid parameter: The daily budget is too low for this currency.";

        var created = (await (await client.PostAsJsonAsync("/api/v1/campaigns", Campaign(accountId))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaign");

        Assert.Equal("sync_failed", created.GetProperty("syncStatus").GetString());
        Assert.Contains("daily budget is too low", created.GetProperty("syncError").GetString(), StringComparison.Ordinal);
        Assert.Empty(_meta.Campaigns);
        var failed = await client.GetFromJsonAsync<JsonElement>("/api/v1/campaigns?syncStatus=sync_failed");
        Assert.Equal(1, failed.GetProperty("total").GetInt32());
        var notes = await client.GetFromJsonAsync<JsonElement>("/api/v1/notifications?category=sync_failed");
        Assert.Equal(1, notes.GetProperty("total").GetInt32());

        _meta.CampaignCreateError = null;
        var retried = await (await client.PostAsync($"/api/v1/campaigns/{created.GetProperty("id").GetInt64()}/sync", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("synced", retried.GetProperty("campaign").GetProperty("syncStatus").GetString());
        Assert.Single(_meta.Campaigns);
    }

    [Fact]
    public async Task BadInput_IsAProblem_AndNothingReachesMeta()
    {
        var (client, accountId) = await SignedInWithMetaAsync("meta-bad@example.com");

        var zero = await client.PostAsJsonAsync("/api/v1/campaigns", Campaign(accountId, 0m));
        var dates = await client.PostAsJsonAsync("/api/v1/campaigns", new { adAccountId = accountId, name = "x", budget = 10, startDate = "2026-12-10", endDate = "2026-12-01" });
        var objective = await client.PostAsJsonAsync("/api/v1/campaigns", new { adAccountId = accountId, name = "x", budget = 10, objective = "fame" });

        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.True((await zero.ProblemAsync()).GetProperty("errors").TryGetProperty("budget", out _));
        Assert.Equal(HttpStatusCode.BadRequest, dates.StatusCode);
        Assert.True((await dates.ProblemAsync()).GetProperty("errors").TryGetProperty("endDate", out _));
        Assert.Equal(HttpStatusCode.BadRequest, objective.StatusCode);
        Assert.Empty(_meta.Campaigns);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/campaigns")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnotherUsersCampaign_Is404_OnEveryRoute()
    {
        var (owner, accountId) = await SignedInWithMetaAsync("meta-owner@example.com");
        var id = (await (await owner.PostAsJsonAsync("/api/v1/campaigns", Campaign(accountId))).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("campaign").GetProperty("id").GetInt64();
        var intruder = _host.CreateClient();
        await intruder.SignInAsync("meta-intruder@example.com");

        var responses = new[]
        {
            await intruder.GetAsync($"/api/v1/campaigns/{id}"),
            await intruder.PatchAsJsonAsync($"/api/v1/campaigns/{id}", new { name = "mine" }),
            await intruder.DeleteAsync($"/api/v1/campaigns/{id}"),
            await intruder.PostAsync($"/api/v1/campaigns/{id}/pause", null),
            await intruder.PostAsync($"/api/v1/campaigns/{id}/resume", null),
            await intruder.PostAsync($"/api/v1/campaigns/{id}/sync", null),
            await intruder.PostAsJsonAsync($"/api/v1/campaigns/{id}/ad-sets", new { name = "s" }),
            await intruder.PostAsync($"/api/v1/ad-accounts/{accountId}/import-campaigns", null),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("Black Friday", (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/campaigns/{id}")).GetProperty("campaign").GetProperty("name").GetString());
    }
}
