using System.Text.Json;
using AdPilot.Core.Common;
using AdPilot.Core.Identity;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Web.Features.Mcp;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using ModelContextProtocol.Protocol;
using Xunit;

namespace AdPilot.Web.Tests.Mcp;

public sealed class AdAccountsToolsTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{
    [Fact]
    public async Task GetActiveAdAccount_NoneThenTheFirstBound_ThenTheOneSetActive()
    {
        var user = await app.SignInAsync("mcp-active@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var none = await client.SucceedsAsync("get_active_ad_account");
        var accountId = await app.BindSimulatedAccountAsync(user);
        var first = await client.SucceedsAsync("get_active_ad_account");
        await client.SucceedsAsync("set_active_ad_account", new { ad_account_id = accountId });
        var active = await client.SucceedsAsync("get_active_ad_account");

        Assert.Equal(JsonValueKind.Null, none.GetProperty("account").ValueKind);
        Assert.True(first.GetProperty("account").GetProperty("is_active").GetBoolean()); // the first account bound became the active one
        Assert.Equal(accountId, active.GetProperty("account").GetProperty("id").GetInt64());
        Assert.True(active.GetProperty("account").GetProperty("is_active").GetBoolean());
    }

    [Fact]
    public async Task RefreshAdAccountToken_Renews_AndNeverReturnsTheToken()
    {
        var user = await app.SignInAsync("mcp-refresh@example.com");
        var accountId = await app.BindSimulatedAccountAsync(user);
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var refreshed = await client.SucceedsAsync("refresh_ad_account_token", new { ad_account_id = accountId });

        Assert.Equal((accountId, "ok"), (refreshed.GetProperty("id").GetInt64(), refreshed.GetProperty("token_state").GetString()));
        Assert.DoesNotContain("sim_", refreshed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshAdAccountToken_PlatformRefuses_IsNeedsReauth()
    {
        var user = await app.SignInAsync("mcp-refresh-refused@example.com");
        var accountId = await app.BindSimulatedAccountAsync(user);
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var faults = app.Services.GetRequiredService<SimulatedFaults>();
        faults.RefreshFails = true;
        try
        {
            var error = await client.FailsAsync("refresh_ad_account_token", new { ad_account_id = accountId }, code: "needs_reauth");

            Assert.Contains("reconnect", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            faults.RefreshFails = false;
        }

        var state = await client.SucceedsAsync("get_ad_account_token", new { ad_account_id = accountId });
        Assert.True(state.GetProperty("needs_reauthorization").GetBoolean());
    }

    [Fact]
    public void ToolError_ReauthRequiredConflict_IsTheStableNeedsReauthCode()
    {
        var result = ToolError.From(new ConflictException("reauth_required", "The ad account \"Shop\" needs to be re-authorised before AdPilot can act on it."));

        using var body = JsonDocument.Parse(Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.True(result.IsError);
        Assert.Equal("needs_reauth", body.RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task EveryToolTakingAnId_OtherUsersAccount_IsNotFound()
    {
        var owner = await app.SignInAsync("mcp-accounts-owner@example.com");
        var accountId = await app.BindSimulatedAccountAsync(owner);
        var stranger = await app.SignInAsync("mcp-accounts-stranger@example.com");
        await using var client = await app.ConnectMcpAsync(stranger.AccessToken);

        await client.FailsAsync("set_active_ad_account", new { ad_account_id = accountId }, code: "not_found");
        await client.FailsAsync("refresh_ad_account_token", new { ad_account_id = accountId }, code: "not_found");
        await client.FailsAsync("get_ad_account_token", new { ad_account_id = accountId }, code: "not_found");
        Assert.Equal(JsonValueKind.Null, (await client.SucceedsAsync("get_active_ad_account")).GetProperty("account").ValueKind);
    }

    [Fact]
    public async Task ReadOnlyPat_CannotRefreshOrSwitchAccounts()
    {
        var user = await app.SignInAsync("mcp-accounts-readonly@example.com");
        var accountId = await app.BindSimulatedAccountAsync(user);
        await using var client = await app.ConnectMcpAsync(await app.CreatePatAsync(user.Id, AccessScopes.Read));

        await client.SucceedsAsync("get_active_ad_account");
        await client.FailsAsync("refresh_ad_account_token", new { ad_account_id = accountId }, code: "insufficient_scope");
        await client.FailsAsync("set_active_ad_account", new { ad_account_id = accountId }, code: "insufficient_scope");
    }
}
