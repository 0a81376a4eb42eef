using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using AdPilot.Core.Identity;
using AdPilot.Core.Identity.Sessions;
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
    private SessionValidator _validator = null!;
    private UserSessionService _sessions = null!;
    private Guid _current;

    public async Task InitializeAsync()
    {
        _database = await UiDatabase.CreateAsync();
        var factory = _database.Factory;
        var users = new UserService(factory, TimeProvider.System, Options.Create(new AdminOptions()));
        _userId = (await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, "s@example.com", "s@example.com", "Sam", null))).Id;
        _tokens = Tokens(factory);
        // Resolved at the tab's first render, so a test can swap in a service whose database cannot be reached.
        Services.AddSingleton(_ => _unreachable ? Unreachable() : _tokens);
        _validator = new SessionValidator(factory, new MemoryCache(new MemoryCacheOptions()), TimeProvider.System, new LocalSessionRevocationBus());
        _sessions = new UserSessionService(factory, _validator, TimeProvider.System);
        Services.AddSingleton(_sessions);
        _current = await _sessions.StartBrowserAsync(_userId, new SessionClient("Chrome on Windows", "DE"));
        AddAuthorization().SetAuthorized("s@example.com").SetClaims(
            new System.Security.Claims.Claim("sub", _userId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new System.Security.Claims.Claim(AppClaims.Session, _current.ToString("N")));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Sessions_ListsThisDeviceFirst_AndSigningAnotherOutEndsItAfterConfirmation()
    {
        var phone = await _sessions.StartBrowserAsync(_userId, new SessionClient("Safari on iOS", "203.0.113.x"));
        var tab = Render<SecurityTab>();
        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=session-row]").Count));
        Assert.Contains("Chrome on Windows", tab.FindAll("[data-testid=session-device]")[0].TextContent, StringComparison.Ordinal);
        Assert.NotNull(tab.FindAll("[data-testid=session-row]")[0].QuerySelector("[data-testid=session-current]"));
        Assert.Contains("203.0.113.x", tab.FindAll("[data-testid=session-meta]")[1].TextContent, StringComparison.Ordinal);
        Assert.Single(tab.FindAll("[data-testid=session-revoke]")); // not on this device's own row

        tab.Find("[data-testid=session-revoke]").Click();
        _dialogs.WaitForAssertion(() => Assert.Contains("Safari on iOS", _dialogs.Markup, StringComparison.Ordinal));
        Assert.True(await _validator.IsSessionValidAsync(_userId, phone, DateTime.MinValue)); // nothing happens before confirming
        _dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Sign out").Click();

        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("[data-testid=session-row]")));
        Assert.False(await _validator.IsSessionValidAsync(_userId, phone, DateTime.MinValue));
        Assert.True(await _validator.IsSessionValidAsync(_userId, _current, DateTime.MinValue));
    }

    [Fact]
    public async Task Sessions_SignOutAllOthers_KeepsThisDevice()
    {
        var phone = await _sessions.StartBrowserAsync(_userId, new SessionClient("Safari on iOS", ""));
        var tablet = await _sessions.StartBrowserAsync(_userId, new SessionClient("Chrome on Android", ""));
        var tab = Render<SecurityTab>();
        tab.WaitForAssertion(() => Assert.Equal(3, tab.FindAll("[data-testid=session-row]").Count));

        tab.Find("[data-testid=sessions-revoke-others]").Click();
        _dialogs.WaitForAssertion(() => Assert.NotEmpty(_dialogs.FindAll("button")));
        _dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Sign out all other sessions").Click();

        tab.WaitForAssertion(() => Assert.Single(tab.FindAll("[data-testid=session-row]")));
        Assert.False(await _validator.IsSessionValidAsync(_userId, phone, DateTime.MinValue));
        Assert.False(await _validator.IsSessionValidAsync(_userId, tablet, DateTime.MinValue));
        Assert.True(await _validator.IsSessionValidAsync(_userId, _current, DateTime.MinValue));
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
