using AdPilot.Web.Features.Privacy;
using Bunit;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

public sealed class CookieChoiceTests : UiTestContext, IAsyncLifetime
{
    public Task InitializeAsync()
    {
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        return Task.CompletedTask;
    }

    public new async Task DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public async Task Choice_ShowsTheBannersStoredChoice_AndChangingItStoresTheNewOne()
    {
        JSInterop.Setup<string?>("adpilot.cookieConsent.get").SetResult("all");
        var set = JSInterop.SetupVoid("adpilot.cookieConsent.set", "essential");
        set.SetVoidResult();
        var choice = Render<CookieChoice>();
        var group = choice.FindComponent<MudRadioGroup<string>>();
        choice.WaitForAssertion(() => Assert.Equal("all", group.Instance.Value));

        await choice.InvokeAsync(() => group.Instance.ValueChanged.InvokeAsync("essential"));

        Assert.Single(set.Invocations);
        Assert.Empty(choice.FindAll("[data-testid=cookie-choice-none]"));
    }

    [Fact]
    public void NoChoiceYet_SaysOnlyEssentialCookiesAreUsed()
    {
        JSInterop.Setup<string?>("adpilot.cookieConsent.get").SetResult(null);

        var choice = Render<CookieChoice>();

        choice.WaitForAssertion(() => Assert.NotNull(choice.Find("[data-testid=cookie-choice-none]")));
    }
}
