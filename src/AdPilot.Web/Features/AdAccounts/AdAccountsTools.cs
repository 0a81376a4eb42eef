using System.ComponentModel;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.AdAccounts;

/// <summary>MCP tools over <see cref="AdAccountService"/>: the ad accounts the user connected on Meta, TikTok and Google Ads.</summary>
[McpServerToolType]
internal sealed class AdAccountsTools(ToolCaller caller, AdAccountService accounts)
{
    [McpServerTool(Name = "list_ad_accounts", Title = "List ad accounts", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Lists the ad accounts the user connected (Meta, TikTok, Google Ads, or the simulated demo platform) with their currency, time zone, " +
        "which one is active, and the state of their authorisation. Call this first: other tools take an ad_account_id from here.")]
    public async Task<AdAccountList> ListAdAccountsAsync(CancellationToken ct) =>
        new(await accounts.ListAsync(caller.UserId, ct));

    [McpServerTool(Name = "set_active_ad_account", Title = "Set the active ad account", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Makes an ad account the user's active one: the account the web app and tools use when no ad_account_id is given. Changes nothing on the ad platform.")]
    public async Task<AdAccountView> SetActiveAdAccountAsync(
        [Description("The ad account's id, from list_ad_accounts.")] long ad_account_id,
        CancellationToken ct) =>
        await accounts.SetActiveAsync(caller.UserId, ad_account_id, ct);

    [McpServerTool(Name = "get_active_ad_account", Title = "Get the active ad account", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The user's active ad account: the one the web app shows and tools use when no ad_account_id is given. " +
        "Absent when the user has connected none yet (they connect accounts in AdPilot under Ad accounts).")]
    public async Task<ActiveAdAccount> GetActiveAdAccountAsync(CancellationToken ct) =>
        new((await accounts.ListAsync(caller.UserId, ct)).FirstOrDefault(a => a.IsActive));

    [McpServerTool(Name = "refresh_ad_account_token", Title = "Refresh an ad account's authorisation", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = true)]
    [Description("Renews an ad account's authorisation with its platform now (AdPilot also does this daily before it expires). " +
        "Fails with needs_reauth when the platform no longer accepts it: the user must then reconnect the account in AdPilot. The token itself is never returned.")]
    public async Task<AdAccountView> RefreshAdAccountTokenAsync(
        [Description("The ad account's id, from list_ad_accounts.")] long ad_account_id,
        CancellationToken ct)
    {
        var account = await accounts.RefreshTokenAsync(caller.UserId, ad_account_id, ct);
        return account.TokenState == "needs_reauth"
            ? throw new ConflictException("reauth_required", $"{account.Platform} refused to renew the authorisation of the ad account \"{account.Name}\".")
            : account;
    }

    [McpServerTool(Name = "get_ad_account_token", Title = "Ad account authorisation state", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Tells whether AdPilot can act on an ad account: the authorisation's state, when it expires and whether the user must reconnect it. " +
        "It never returns the token itself: platform tokens stay encrypted on AdPilot's server and are only used there.")]
    public async Task<AdAccountTokenState> GetAdAccountTokenAsync(
        [Description("The ad account's id, from list_ad_accounts.")] long ad_account_id,
        CancellationToken ct)
    {
        var account = await accounts.GetAsync(caller.UserId, ad_account_id, ct);
        return new AdAccountTokenState(
            account.Id,
            account.Name,
            account.Platform,
            account.TokenState,
            account.TokenExpiresAt,
            account.TokenState is "expired" or "needs_reauth",
            "Platform access tokens never leave AdPilot's server: they are stored encrypted and used only for calls AdPilot makes on the user's behalf. " +
            "Use AdPilot's tools to act on the account.");
    }
}

public sealed record ActiveAdAccount([property: Description("The active ad account; null when the user has none.")] AdAccountView? Account);

public sealed record AdAccountList([property: Description("The user's ad accounts.")] IReadOnlyList<AdAccountView> Accounts);

public sealed record AdAccountTokenState(
    long AdAccountId,
    string Name,
    string Platform,
    [property: Description("ok, expiring (within 7 days), expired, or needs_reauth.")] string State,
    [property: Description("When the platform's authorisation expires (UTC); null when it does not expire.")] DateTime? ValidUntil,
    [property: Description("True when the user must reconnect the account in AdPilot under Ad accounts before AdPilot can act on it.")] bool NeedsReauthorization,
    [property: Description("Why the token itself is not returned.")] string Note);
