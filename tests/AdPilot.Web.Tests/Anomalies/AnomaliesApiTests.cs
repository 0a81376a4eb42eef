using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.Anomalies;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using AdPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Anomalies;

/// <summary>/api/v1/anomalies over HTTP: list with filters and paging, mutes, owner scoping (404), problems with codes, the dev injection.</summary>
public sealed class AnomaliesApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    private IDbContextFactory<AppDbContext> Db => factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private async Task<(McpUser User, HttpClient Client, long Account)> UserAsync(string email)
    {
        var user = await factory.SignInAsync(email);
        var account = await factory.BindSimulatedAccountAsync(user);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return (user, client, account);
    }

    private async Task<long> CampaignAsync(McpUser user, long account)
    {
        await factory.Services.GetRequiredService<ReportIngestion>().SyncAsync(user.Id, account);
        await using var db = await Db.CreateDbContextAsync();
        return await db.Campaigns.Where(c => c.AdAccountId == account).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    [Fact]
    public async Task ListAnomalies_FiltersAndPages_OwnOnly()
    {
        var (owner, client, account) = await UserAsync("anomalies-api-owner@example.com");
        await AnomalySeed.EpisodeAsync(Db, owner.Id, account);
        await AnomalySeed.EpisodeAsync(Db, owner.Id, account, type: AnomalyTypes.CpaSpike);
        await AnomalySeed.EpisodeAsync(Db, owner.Id, account, type: AnomalyTypes.RoasDrop, resolved: true);
        var (_, intruder, _) = await UserAsync("anomalies-api-intruder@example.com");

        var open = await client.GetFromJsonAsync<JsonElement>("/api/v1/anomalies");
        Assert.Equal(2, open.GetProperty("total").GetInt32());
        var first = open.GetProperty("items")[0];
        Assert.Equal(("urgent", 412.5m, 59.2m, 168.9m, $"/reports?account={account}"),
            (first.GetProperty("severity").GetString(), first.GetProperty("observed").GetDecimal(), first.GetProperty("expectedLow").GetDecimal(),
             first.GetProperty("expectedHigh").GetDecimal(), first.GetProperty("link").GetString()));
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/api/v1/anomalies?status=all")).GetProperty("total").GetInt32());
        var resolved = await client.GetFromJsonAsync<JsonElement>("/api/v1/anomalies?status=resolved");
        Assert.Equal(AnomalyTypes.RoasDrop, Assert.Single(resolved.GetProperty("items").EnumerateArray()).GetProperty("type").GetString());
        var cpa = await client.GetFromJsonAsync<JsonElement>($"/api/v1/anomalies?type=cpa_spike&adAccountId={account}&from=2026-11-26&to=2026-11-26");
        Assert.Equal(1, cpa.GetProperty("total").GetInt32());
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/anomalies?pageSize=1&page=2");
        Assert.Equal((2, 1), (page.GetProperty("total").GetInt32(), page.GetProperty("items").GetArrayLength()));

        Assert.Equal(0, (await intruder.GetFromJsonAsync<JsonElement>("/api/v1/anomalies?status=all")).GetProperty("total").GetInt32());
        var foreign = await intruder.GetAsync($"/api/v1/anomalies?adAccountId={account}");
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal("not_found", (await foreign.ProblemAsync()).Code());

        foreach (var bad in new[] { "/api/v1/anomalies?status=closed", "/api/v1/anomalies?type=weird", "/api/v1/anomalies?pageSize=0" })
        {
            var response = await client.GetAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("validation_failed", (await response.ProblemAsync()).Code());
        }
    }

    [Fact]
    public async Task Mutes_CreateListDelete_AndAnotherUsersAreNotFound()
    {
        var (owner, client, account) = await UserAsync("anomalies-mute-owner@example.com");
        var campaign = await CampaignAsync(owner, account);
        var (_, intruder, _) = await UserAsync("anomalies-mute-intruder@example.com");

        var created = await client.PostAsJsonAsync("/api/v1/anomalies/mutes", new { campaignId = campaign, type = "cpa_spike", until = "2099-01-01T00:00:00Z" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var mute = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = mute.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/anomalies/mutes/{id}", created.Headers.Location?.ToString());
        Assert.Equal(campaign, Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/v1/anomalies/mutes")).EnumerateArray()).GetProperty("campaignId").GetInt64());
        Assert.Empty((await intruder.GetFromJsonAsync<JsonElement>("/api/v1/anomalies/mutes")).EnumerateArray());

        foreach (var response in new[]
        {
            await intruder.DeleteAsync($"/api/v1/anomalies/mutes/{id}"),
            await intruder.PostAsJsonAsync("/api/v1/anomalies/mutes", new { campaignId = campaign }),
            await intruder.PostAsJsonAsync("/api/v1/anomalies/mutes", new { adAccountId = account }),
        })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        }

        foreach (var body in new object[] { new { }, new { type = "weird" }, new { adAccountId = account, until = "2001-01-01T00:00:00Z" } })
        {
            var response = await client.PostAsJsonAsync("/api/v1/anomalies/mutes", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("validation_failed", (await response.ProblemAsync()).Code());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/anomalies/mutes/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/v1/anomalies/mutes/{id}")).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/v1/anomalies/mutes")).EnumerateArray());
    }

    [Fact]
    public async Task DevInjection_ReachesTheSimulator_OnlyForTheOwnersSimulatedAccount()
    {
        var (_, client, account) = await UserAsync("anomalies-dev-owner@example.com");
        var (_, intruder, _) = await UserAsync("anomalies-dev-intruder@example.com");
        var simulated = factory.Services.GetRequiredService<AdPilot.Core.Platforms.Simulated.SimulatedAnomalies>();

        var foreign = await intruder.PostAsJsonAsync("/api/v1/dev/simulated-anomalies", new { adAccountId = account, kind = "spend_spike", factor = 3 });
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        var bad = await client.PostAsJsonAsync("/api/v1/dev/simulated-anomalies", new { adAccountId = account, kind = "meteor", factor = 3 });
        Assert.Equal("validation_failed", (await bad.ProblemAsync()).Code());

        var injected = await client.PostAsJsonAsync("/api/v1/dev/simulated-anomalies", new { adAccountId = account, kind = "spend_spike", factor = 3, day = "2026-11-20" });
        Assert.Equal(HttpStatusCode.OK, injected.StatusCode);
        var body = await injected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("run").GetProperty("judged").GetInt32() >= 1);
        Assert.Contains(simulated.Injected, a => a.Day == new DateOnly(2026, 11, 20) && a.Factor == 3 && a.CampaignId is null);
    }
}
