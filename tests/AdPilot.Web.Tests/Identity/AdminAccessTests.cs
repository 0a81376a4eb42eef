using System.Net;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.Identity;

public sealed class AdminFactory() : AdPilotFactory("Development", new Dictionary<string, string?> { ["Admin:Emails:0"] = "root@example.com" });

public sealed class AdminAccessTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    private HttpClient Browser() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task JobsDashboard_Admin_IsServed()
    {
        var browser = Browser();
        await browser.PostDevLoginAsync("root@example.com");

        var response = await browser.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AdPilot jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_NonAdmin_IsDenied()
    {
        var browser = Browser();
        await browser.PostDevLoginAsync("user@example.com");

        var response = await browser.GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/access-denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsDashboard_Anonymous_GoesToLogin()
    {
        var response = await Browser().GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
