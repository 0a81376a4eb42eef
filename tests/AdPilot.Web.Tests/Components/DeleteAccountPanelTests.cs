using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.AccountDeletion;
using AdPilot.Core.Data;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Privacy;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

public sealed class DeleteAccountPanelTests : UiTestContext, IAsyncLifetime
{
    private readonly AdPilotFactory _app = new();
    private long _userId;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public async Task InitializeAsync()
    {
        _userId = (await _app.Services.GetRequiredService<UserService>().SignInAsync(new ExternalIdentity(AuthProviders.Dev, "panel@example.com", "panel@example.com", null, null))).Id;
        Services.AddSingleton(_app.Services.GetRequiredService<AccountDeletionService>());
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _app.DisposeAsync();
    }

    [Fact]
    public void SignInOlderThanTenMinutes_SendsThroughSignInAndBack_WithoutADeleteButton()
    {
        SignedIn(TimeSpan.FromMinutes(11));

        var panel = Render<DeleteAccountPanel>();

        Assert.Equal(4, panel.FindAll("[data-testid=delete-list] li").Count);
        Assert.NotEmpty(panel.Find("[data-testid=delete-kept]").TextContent);
        Assert.NotNull(panel.Find("[data-testid=delete-reauth]"));
        Assert.Equal("/login?returnUrl=%2Fsettings%3Ftab%3Ddata%26delete%3D1", panel.Find("[data-testid=delete-sign-in-again]").GetAttribute("href"));
        Assert.Empty(panel.FindAll("[data-testid=delete-open]"));
    }

    [Fact]
    public async Task FreshSignIn_TypedDelete_DeletesTheAccount_AndLandsOnTheSignedOutHomePage()
    {
        SignedIn(TimeSpan.FromMinutes(1));
        var panel = Render<DeleteAccountPanel>();

        panel.Find("[data-testid=delete-open]").Click();
        var confirm = () => _dialogs.Find("button[data-testid=delete-confirm]");
        _dialogs.WaitForAssertion(() => Assert.True(confirm().HasAttribute("disabled")));
        _dialogs.Find("input[data-testid=delete-word]").Input("delete");
        Assert.True(confirm().HasAttribute("disabled"));
        _dialogs.Find("input[data-testid=delete-word]").Input("DELETE");
        _dialogs.WaitForAssertion(() => Assert.False(confirm().HasAttribute("disabled")));
        confirm().Click();

        panel.WaitForAssertion(() => Assert.EndsWith("/?accountDeleted=1", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Id == _userId));
    }

    [Fact]
    public void BackFromSigningIn_OpensTheDialogToContinue()
    {
        SignedIn(TimeSpan.FromSeconds(5));
        Services.GetRequiredService<NavigationManager>().NavigateTo("/settings?tab=data&delete=1");

        Render<DeleteAccountPanel>();

        _dialogs.WaitForAssertion(() => Assert.NotNull(_dialogs.Find("input[data-testid=delete-word]")));
    }

    private void SignedIn(TimeSpan ago)
    {
        var started = DateTimeOffset.UtcNow - ago;
        AddAuthorization().SetAuthorized("panel@example.com").SetClaims(
            new Claim("sub", _userId.ToString(CultureInfo.InvariantCulture)),
            new Claim("session_start", started.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
    }
}
