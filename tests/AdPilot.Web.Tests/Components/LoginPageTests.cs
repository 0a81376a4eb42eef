using AdPilot.Web.Features.Identity;
using Bunit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Tests.Components;

public sealed class LoginPageTests : UiTestContext
{
    private void Host(string environment, bool googleConfigured)
    {
        var google = Options.Create(googleConfigured
            ? new GoogleSignInOptions { ClientId = "id", ClientSecret = "secret" }
            : new GoogleSignInOptions());
        Services.AddSingleton(google);
        Services.AddSingleton(new DevSignIn(new FakeEnvironment(environment), google));
    }

    [Fact]
    public void Development_WithoutGoogle_OffersTheLabelledDevSignIn()
    {
        Host("Development", googleConfigured: false);

        var page = Render<LoginPage>();

        Assert.NotNull(page.Find("[data-testid=dev-sign-in-form]"));
        Assert.Contains("Development sign-in", page.Markup, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=google-not-configured]"));
    }

    [Fact]
    public void Production_HasNoDevSignIn()
    {
        Host("Production", googleConfigured: true);

        var page = Render<LoginPage>();

        Assert.Empty(page.FindAll("[data-testid=dev-sign-in-form]"));
        Assert.Equal("/auth/google?returnUrl=%2Foverview", page.Find("[data-testid=google-sign-in]").GetAttribute("href"));
    }

    [Fact]
    public void Development_WithGoogleConfigured_HasNoDevSignIn()
    {
        Host("Development", googleConfigured: true);

        var page = Render<LoginPage>();

        Assert.Empty(page.FindAll("[data-testid=dev-sign-in-form]"));
    }

    [Fact]
    public void UnknownErrorCode_ShowsAGenericMessage_NotTheRawCode()
    {
        Host("Development", googleConfigured: false);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/login?error=%3Cscript%3E");

        var page = Render<LoginPage>();

        Assert.Equal("Sign-in failed. Please try again.", page.Find("[data-testid=login-error]").TextContent.Trim());
    }

    private sealed class FakeEnvironment(string name) : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "AdPilot.Web";
        public string WebRootPath { get; set; } = "";
        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
