using System.Text.Json;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Client;

namespace AdPilot.Web.Tests.Actions;

/// <summary>
/// A host for undo tests without background jobs (the first report sync would import the account's campaigns while a test
/// compares), and a user with the simulated platform bound, an MCP client with a read-write token, and a paused campaign
/// (budget 100) with one ad set (budget 20) created through the tools.
/// </summary>
public sealed class UndoHost : AdPilotFactory
{
    public UndoHost() => TestServices = s => s.AddSingleton<IBackgroundJobClient, DroppedJobs>();

    public SimulatedFaults Faults => Services.GetRequiredService<SimulatedFaults>();

    public sealed record Setup(McpUser User, long AccountId, McpClient Client, long CampaignId, long AdSetId, string PlatformCampaignId);

    public async Task<Setup> SetUpAsync(string email)
    {
        var user = await this.SignInAsync(email);
        var accountId = await this.BindSimulatedAccountAsync(user);
        var client = await this.ConnectMcpAsync(await this.CreatePatAsync(user.Id));
        var created = (await client.SucceedsAsync("create_campaign", new
        {
            ad_account_id = accountId, name = "Black Friday", budget = 100m,
            ad_sets = new[] { new { name = "Broad", budget_type = "daily", budget = 20m } },
        })).GetProperty("result");
        var campaign = created.GetProperty("campaign");
        return new Setup(user, accountId, client, campaign.GetProperty("id").GetInt64(), created.GetProperty("ad_sets")[0].GetProperty("id").GetInt64(),
            campaign.GetProperty("platform_campaign_id").GetString()!);
    }

    /// <summary>The campaign as the simulated platform holds it, read through its API.</summary>
    public async Task<PlatformCampaign> RemoteAsync(Setup setup)
    {
        var (platform, access) = await Services.GetRequiredService<AdAccountService>().AccessAsync(setup.User.Id, setup.AccountId);
        return (await platform.ListCampaignsAsync(access, default)).Single(c => c.Id == setup.PlatformCampaignId);
    }

    public static long ActionId(JsonElement outcome) => outcome.GetProperty("action_id").GetInt64();
}
