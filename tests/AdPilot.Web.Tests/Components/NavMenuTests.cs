using AdPilot.Web.Components.Layout;
using Bunit;

namespace AdPilot.Web.Tests.Components;

public sealed class NavMenuTests : UiTestContext
{
    [Fact]
    public void NavMenu_SignedInUser_LinksOnlyToPagesThatExist_AndNoAdminSection()
    {
        AddAuthorization().SetAuthorized("user@example.com");

        var nav = Render<NavMenu>();

        var links = nav.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/overview", "/reports", "/campaigns", "/creatives", "/landing-pages", "/ad-accounts", "/rules", "/actions", "/billing", "/settings", "/docs"], links);
        Assert.Empty(nav.FindAll("[data-testid=nav-jobs]"));
    }

    [Fact]
    public void NavMenu_InDevelopment_LinksToTheDevMailbox()
    {
        Environment.EnvironmentName = "Development";
        AddAuthorization().SetAuthorized("user@example.com");

        var nav = Render<NavMenu>();

        Assert.Equal("/dev/mailbox", nav.Find("[data-testid=nav-mailbox]").GetAttribute("href"));
    }

    [Fact]
    public void NavMenu_Admin_SeesTheJobsDashboard()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("root@example.com");
        auth.SetPolicies("Admin");

        var nav = Render<NavMenu>();

        Assert.Equal("/admin/jobs", nav.Find("a[href='/admin/jobs']").GetAttribute("href"));
        Assert.Contains("Background jobs", nav.Markup, StringComparison.Ordinal);
    }
}
