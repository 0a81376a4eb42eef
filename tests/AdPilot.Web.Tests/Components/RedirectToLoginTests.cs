using AdPilot.Web.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Components;

public sealed class RedirectToLoginTests : UiTestContext
{
    [Fact]
    public void Anonymous_IsSentToLoginWithTheReturnUrl()
    {
        AddAuthorization().SetNotAuthorized();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/settings?tab=profile");

        Render<RedirectToLogin>();

        Assert.Equal("http://localhost/login?returnUrl=%2Fsettings%3Ftab%3Dprofile", navigation.Uri);
    }

    [Fact]
    public void SignedInButNotAllowed_SeesAccessDeniedInsteadOfALoop()
    {
        AddAuthorization().SetAuthorized("user@example.com");
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/admin/something");

        var page = Render<RedirectToLogin>();

        Assert.NotNull(page.Find("[data-testid=access-denied]"));
        Assert.Equal("http://localhost/admin/something", navigation.Uri);
    }
}
