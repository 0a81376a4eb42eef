using AdPilot.Core.AdAccounts;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Reports;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

/// <summary>The reports page on the real host's services: links from dashboard suggestions open the drill-down at their entity.</summary>
public sealed class ReportsPageTests : UiTestContext, IAsyncLifetime
{
    private readonly AdPilotFactory _host = new();
    private Campaign _target = null!;

    public async Task InitializeAsync()
    {
        var services = _host.Services;
        var user = await services.GetRequiredService<UserService>().SignInAsync(new ExternalIdentity(AuthProviders.Dev, "drill@example.com", "drill@example.com", "Dee", null));
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            var account = new AdAccount
            {
                UserId = user.Id, Platform = AdPlatformKind.Simulated, PlatformAccountId = "drill-1", Name = "Drill", Currency = "USD", TimeZone = "UTC",
                IsActive = true, CreatedAt = now, UpdatedAt = now, LastSyncedAt = now,
            };
            var campaigns = Enumerable.Range(1, 2).Select(c => new Campaign
            {
                UserId = user.Id, AdAccount = account, Name = $"Campaign {c}", Currency = "USD", Status = DeliveryStatus.Active, Objective = CampaignObjective.Sales,
                BudgetType = BudgetType.Daily, Budget = 100m, SyncStatus = SyncStatus.Synced, CreatedAt = now, UpdatedAt = now,
                AdSets = Enumerable.Range(1, 2).Select(s => new AdSet
                {
                    UserId = user.Id, Name = $"Set {c}.{s}", Status = DeliveryStatus.Active, SyncStatus = SyncStatus.Synced, CreatedAt = now, UpdatedAt = now,
                    Ads = Enumerable.Range(1, 2).Select(x => new Ad
                    {
                        UserId = user.Id, Name = $"Ad {c}.{s}.{x}", Status = DeliveryStatus.Active, SyncStatus = SyncStatus.Synced, CreatedAt = now, UpdatedAt = now,
                    }).ToList(),
                }).ToList(),
            }).ToList();
            db.Campaigns.AddRange(campaigns);
            await db.SaveChangesAsync();
            _target = campaigns[1];
        }

        Services.AddSingleton(services.GetRequiredService<AdAccountService>());
        Services.AddSingleton(services.GetRequiredService<ReportQueries>());
        Services.AddSingleton(services.GetRequiredService<AdPilot.Core.Anomalies.AnomalyService>());
        Services.AddSingleton(services.GetRequiredService<AdPilot.Core.LandingPages.LandingPageReports>());
        AddAuthorization().SetAuthorized("drill@example.com").SetClaims(new System.Security.Claims.Claim("sub", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public void AdSetLink_OpensItsCampaign_AndMarksTheAdSet()
    {
        var adSet = _target.AdSets[1];
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/reports?level=adset&entity={adSet.Id}");

        var page = Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Equal($"Set 2.2", Focused(page)), TimeSpan.FromSeconds(5));
        Assert.Equal(2, page.FindAll("[data-testid=row-ad_set]").Count); // only the target's campaign is open
        Assert.Empty(page.FindAll("[data-testid=row-ad]"));
    }

    [Fact]
    public void AdLink_OpensItsCampaignAndAdSet_AndMarksTheAd()
    {
        var ad = _target.AdSets[0].Ads[1];
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/reports?level=ad&entity={ad.Id}");

        var page = Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Equal("Ad 2.1.2", Focused(page)), TimeSpan.FromSeconds(5));
        Assert.Equal(2, page.FindAll("[data-testid=row-ad]").Count);
    }

    [Fact]
    public void UnknownEntity_OpensTheDefaultReport()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/reports?level=ad&entity=999999");

        var page = Render<ReportsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-campaign]").Count), TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("tr[aria-current]"));
        Assert.Empty(page.FindAll("[data-testid=row-ad_set]"));
    }

    private static string Focused(IRenderedComponent<ReportsPage> page) =>
        page.Find("tr[aria-current=true] td").TextContent.Replace("▾", "", StringComparison.Ordinal).Replace("▸", "", StringComparison.Ordinal).Split('·')[0].Trim();
}
