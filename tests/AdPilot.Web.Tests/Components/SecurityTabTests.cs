using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using AdPilot.Core.Identity;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Identity;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

public sealed class SecurityTabTests : UiTestContext, IAsyncLifetime
{
    private UiDatabase _database = null!;
    private PersonalAccessTokenService _tokens = null!;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;
    private long _userId;
    private bool _unreachable;

    public async Task InitializeAsync()
    {
        _database = await UiDatabase.CreateAsync();
        var factory = _database.Factory;
        var users = new UserService(factory, TimeProvider.System, Options.Create(new AdminOptions()));
        _userId = (await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, "s@example.com", "s@example.com", "Sam", null))).Id;
        _tokens = Tokens(factory);
        // Resolved at the tab's first render, so a test can swap in a service whose database cannot be reached.
        Services.AddSingleton(_ => _unreachable ? Unreachable() : _tokens);
        AddAuthorization().SetAuthorized("s@example.com").SetClaims(new System.Security.Claims.Claim("sub", _userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

    private static PersonalAccessTokenService Unreachable() => Tokens(UiDatabase.For("Data Source=/nonexistent/dir/x.db;Mode=ReadOnly"));

    private static PersonalAccessTokenService Tokens(IDbContextFactory<AppDbContext> factory)
    {
        var cache = new MemoryCache(new MemoryCacheOptions());
        return new PersonalAccessTokenService(factory, TimeProvider.System, cache, new SessionValidator(factory, cache, TimeProvider.System, new LocalSessionRevocationBus()));
    }

    [Fact]
    public void NoTokens_ShowsTheEmptyState_AndHowToConnectAClient()
    {
        var tab = Render<SecurityTab>();

        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=tokens-empty]")));
        Assert.EndsWith("/mcp", tab.Find("[data-testid=mcp-url]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ShowsTheSecretOnce_ThenOnlyThePrefix()
    {
        var tab = Render<SecurityTab>();
        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=tokens-empty]")));

        tab.Find("[data-testid=token-new]").Click();
        tab.Find("input[data-testid=token-name-input]").Input("Claude Desktop");
        await tab.InvokeAsync(() => tab.FindComponent<MudRadioGroup<bool>>().Instance.ValueChanged.InvokeAsync(true));
        tab.Find("[data-testid=token-create-submit]").Click();

        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=token-secret-once]")));
        var secret = tab.Find("input[data-testid=token-secret]").GetAttribute("value")!;
        Assert.StartsWith(PersonalAccessTokenService.TokenPrefix, secret, StringComparison.Ordinal);
        var stored = Assert.Single(await _tokens.ListAsync(_userId));
        Assert.Equal("Claude Desktop", stored.Name);
        Assert.Equal([AccessScopes.Read, AccessScopes.Write], stored.Scopes);
        Assert.NotNull(await _tokens.AuthenticateAsync(secret));
        tab.WaitForAssertion(() => Assert.Equal("Claude Desktop", tab.Find("[data-testid=token-name]").TextContent));

        tab.Find("[data-testid=token-copy]").Click();
        Assert.Contains(JSInterop.Invocations, i => i.Identifier == "navigator.clipboard.writeText" && Equals(i.Arguments[0], secret));
        tab.Find("[data-testid=token-done]").Click();

        Assert.Empty(tab.FindAll("[data-testid=token-secret]"));
        Assert.DoesNotContain(secret, tab.Markup, StringComparison.Ordinal);
        Assert.Contains(stored.Prefix, tab.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeverExpires_WarnsAndCreatesATokenWithoutExpiry()
    {
        var tab = Render<SecurityTab>();
        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=tokens-empty]")));
        tab.Find("[data-testid=token-new]").Click();
        Assert.Empty(tab.FindAll("[data-testid=token-no-expiry-warning]"));

        await tab.InvokeAsync(() => tab.FindComponent<MudSelect<int>>().Instance.ValueChanged.InvokeAsync(0));
        tab.Find("input[data-testid=token-name-input]").Input("cron job");
        Assert.NotNull(tab.Find("[data-testid=token-no-expiry-warning]"));
        tab.Find("[data-testid=token-create-submit]").Click();

        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=token-secret-once]")));
        var stored = Assert.Single(await _tokens.ListAsync(_userId));
        Assert.Null(stored.ExpiresAt);
        Assert.Equal([AccessScopes.Read], stored.Scopes);
    }

    [Fact]
    public async Task Revoke_AsksFirst_ThenRevokes()
    {
        var created = await _tokens.CreateAsync(_userId, new CreateAccessTokenRequest { Name = "old script" });
        var tab = Render<SecurityTab>();
        tab.WaitForAssertion(() => Assert.Equal("old script", tab.Find("[data-testid=token-name]").TextContent));

        tab.Find("[data-testid=token-revoke]").Click();
        _dialogs.WaitForAssertion(() => Assert.NotNull(_dialogs.Find("[data-testid=token-revoke-cancel]")));
        _dialogs.Find("[data-testid=token-revoke-cancel]").Click();
        Assert.True((await _tokens.ListAsync(_userId)).Single().Active);

        tab.Find("[data-testid=token-revoke]").Click();
        _dialogs.WaitForAssertion(() => _dialogs.Find("[data-testid=token-revoke-confirm]").Click());

        tab.WaitForAssertion(() => Assert.Equal("Revoked", tab.Find("[data-testid=token-status]").TextContent.Trim()));
        Assert.Null(await _tokens.AuthenticateAsync(created.Secret));
        Assert.Empty(tab.FindAll("[data-testid=token-revoke]"));
    }

    [Fact]
    public void DatabaseUnreachable_ShowsTheErrorState()
    {
        _unreachable = true;

        var tab = Render<SecurityTab>();

        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=load-error]")));
    }
}
