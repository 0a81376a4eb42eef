using AdPilot.Core.Anomalies;
using AdPilot.Core.Data;
using AdPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Anomalies;

/// <summary>The MCP tool get_anomalies through a real MCP client: success, bad input, another user's account.</summary>
public sealed class AnomaliesToolsTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    [Fact]
    public async Task GetAnomalies_ListsOwnEpisodes_RejectsBadInput_AndHidesOtherUsersAccounts()
    {
        var db = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        var owner = await factory.SignInAsync("anomalies-mcp-owner@example.com");
        var account = await factory.BindSimulatedAccountAsync(owner);
        await AnomalySeed.EpisodeAsync(db, owner.Id, account);
        await AnomalySeed.EpisodeAsync(db, owner.Id, account, type: AnomalyTypes.CtrCollapse, resolved: true);
        var intruder = await factory.SignInAsync("anomalies-mcp-intruder@example.com");
        await using var mcp = await factory.ConnectMcpAsync(await factory.CreatePatAsync(owner.Id));
        await using var other = await factory.ConnectMcpAsync(await factory.CreatePatAsync(intruder.Id));

        var open = await mcp.SucceedsAsync("get_anomalies", new { ad_account_id = account });
        var item = Assert.Single(open.GetProperty("items").EnumerateArray());
        Assert.Equal((AnomalyTypes.SpendPacing, "urgent", 412.5m), (item.GetProperty("type").GetString(), item.GetProperty("severity").GetString(), item.GetProperty("observed").GetDecimal()));
        Assert.Equal($"/reports?account={account}", item.GetProperty("link").GetString());
        var all = await mcp.SucceedsAsync("get_anomalies", new { status = "all", page_size = 1 });
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.NotNull(all.GetProperty("next_cursor").GetString());

        await mcp.FailsAsync("get_anomalies", new { status = "closed" }, "validation_failed");
        await mcp.FailsAsync("get_anomalies", new { type = "weird" }, "validation_failed");
        await mcp.FailsAsync("get_anomalies", new { cursor = "nonsense" }, "validation_failed");
        await other.FailsAsync("get_anomalies", new { ad_account_id = account }, "not_found");
        Assert.Equal(0, (await other.SucceedsAsync("get_anomalies", new { status = "all" })).GetProperty("total").GetInt32());
    }
}
