using AdPilot.Core.LandingPages;
using AdPilot.Core.Users;
using AdPilot.Web.Features.LandingPages;
using AdPilot.Web.Features.Users;
using AdPilot.Web.Tests.Components;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.LandingPages;

/// <summary>The list, the create dialog and the detail page on the real host's services.</summary>
public sealed class LandingPagesPageTests : UiTestContext, IAsyncLifetime
{
    private readonly AdPilotFactory _host = new();
    private long _userId;
    private LandingPageService _pages = null!;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public async Task InitializeAsync()
    {
        var services = _host.Services;
        var users = services.GetRequiredService<UserService>();
        _userId = (await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, "pages@example.com", "pages@example.com", "Pat", null))).Id;
        _pages = services.GetRequiredService<LandingPageService>();
        Services.AddSingleton(users);
        Services.AddSingleton(_pages);
        Services.AddSingleton(services.GetRequiredService<LandingPagePublisher>());
        Services.AddSingleton(services.GetRequiredService<LandingPageTracking>());
        Services.AddSingleton(services.GetRequiredService<LandingPageReports>());
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("pages@example.com").SetClaims(new System.Security.Claims.Claim("sub", _userId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        _dialogs = Render<MudDialogProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task List_NoPages_OffersTheFirstPage_AndTheDialogCreatesFromATemplate()
    {
        var list = Render<LandingPagesPage>();
        list.WaitForElement("[data-testid=create-first-page]").Click();

        var dialog = _dialogs.WaitForElement("[data-testid=template-webinar_signup]");
        Assert.Equal(5, _dialogs.FindAll("[role=radio]").Count); // four templates and blank
        dialog.Click();
        _dialogs.Find("[data-testid=create-landing-page]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        list.WaitForAssertion(() => Assert.Matches("/landing-pages/\\d+/edit$", navigation.Uri), TimeSpan.FromSeconds(5));
        var created = (await _pages.ListAsync(_userId, new LandingPageQuery())).Items.Single();
        var document = (await _pages.GetAsync(_userId, created.Id)).Document;
        Assert.Equal(LandingPageTemplates.Find("webinar_signup", "en")!.Document.Blocks.Select(b => b.Title), document.Blocks.Select(b => b.Title));
        Assert.Equal("Webinar signup", created.Name);
    }

    [Fact]
    public async Task List_StatusFilter_ShowsOnlyThoseCards()
    {
        await _pages.CreateAsync(_userId, new CreateLandingPageRequest { Name = "Draft one", Template = "product_launch" });
        var live = await _pages.CreateAsync(_userId, new CreateLandingPageRequest { Name = "Live one", Template = "lead_generation" });
        await _host.Services.GetRequiredService<LandingPagePublisher>().PublishAsync(_userId, live.Id);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/landing-pages?status=published");

        var list = Render<LandingPagesPage>();

        list.WaitForAssertion(() => Assert.Single(list.FindAll("[data-testid=landing-card]")), TimeSpan.FromSeconds(5));
        Assert.Equal("Live one", list.Find("[data-testid=landing-name]").TextContent.Trim());
        list.WaitForAssertion(() => Assert.Contains("<h1", list.Find("[data-testid=landing-thumb]").GetAttribute("srcdoc"), StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.Equal("", list.Find("[data-testid=landing-thumb]").GetAttribute("sandbox"));
        Assert.Equal("—", list.Find("[data-testid=landing-conversion]").TextContent.Trim());
    }

    [Fact]
    public void Query_UnknownValues_FallBackToTheDefaults()
    {
        var query = LandingPagesPage.Query(new string('x', 300), "bogus", "bogus", -4);

        Assert.Equal((null, LandingPageSort.Updated, 1, 100), (query.Status, query.Sort, query.Page, query.Search!.Length));
        Assert.Equal((LandingPageStatus.Draft, LandingPageSort.ConversionRate), (LandingPagesPage.Query(null, "draft", "conversion_rate", 2).Status, LandingPagesPage.Query(null, "draft", "conversion_rate", 2).Sort));
    }

    [Fact]
    public async Task Report_RangeTotals_ShowViewsLeadsAndConversion()
    {
        var page = await _pages.CreateAsync(_userId, new CreateLandingPageRequest { Name = "Spring", Template = "lead_generation" });
        var day = new DateOnly(2026, 11, 10);
        var factory = _host.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AdPilot.Core.Data.AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.LandingPageDailyStats.Add(new LandingPageDailyStat { UserId = _userId, LandingPageId = page.Id, Date = day, Views = 200, Clicks = 30, Leads = 5 });
            await db.SaveChangesAsync();
        }

        var report = Render<LandingPagesReport>(p => p.Add(c => c.UserId, _userId).Add(c => c.From, day).Add(c => c.To, day.AddDays(6)));

        var row = report.WaitForElement("[data-testid=report-landing-row]");
        Assert.Equal(["Spring Draft", "200", "30", "5", "2.5 %"], row.QuerySelectorAll("td").Select(td => System.Text.RegularExpressions.Regex.Replace(td.TextContent, "\\s+", " ").Trim()));
    }

    [Fact]
    public async Task Detail_AnotherUsersPage_IsNotFound()
    {
        var other = await _host.Services.GetRequiredService<UserService>().SignInAsync(new ExternalIdentity(AuthProviders.Dev, "else@example.com", "else@example.com", "Eli", null));
        var theirs = await _pages.CreateAsync(other.Id, new CreateLandingPageRequest { Name = "Theirs", Template = "app_download" });

        var detail = Render<LandingPageDetailPage>(p => p.Add(c => c.Id, theirs.Id));

        detail.WaitForElement("[data-testid=landing-not-found]");
        Assert.DoesNotContain("Theirs", detail.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_DraftPage_ShowsPublishAndNoPublicUrl()
    {
        var page = await _pages.CreateAsync(_userId, new CreateLandingPageRequest { Name = "Spring", Template = "lead_generation" });

        var detail = Render<LandingPageDetailPage>(p => p.Add(c => c.Id, page.Id));

        detail.WaitForElement("[data-testid=detail-publish]");
        Assert.Equal("Spring", detail.Find("[data-testid=landing-detail-name]").TextContent.Trim());
        Assert.Empty(detail.FindAll("[data-testid=detail-public-url]"));
        Assert.Equal("/landing-pages/" + page.Id + "/edit", detail.Find("[data-testid=detail-edit]").GetAttribute("href"));
    }
}
