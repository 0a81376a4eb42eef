using AdPilot.Core.Campaigns;
using AdPilot.Web.Features.Campaigns;
using Bunit;

namespace AdPilot.Web.Tests.Components;

public sealed class CampaignAdSetsTests : UiTestContext, IAsyncLifetime
{
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor's button services are only async-disposable.</summary>
    public new async Task DisposeAsync() => await base.DisposeAsync();

    [Fact]
    public void CampaignAdSets_ListsAdSetsAndAds_AndTogglePassesTheAdSet()
    {
        var ad = new AdView(5, 3, "Static", "active", null, "Hello", null, null, "https://shop.example.com", "p5", "synced", null);
        var set = new AdSetView(3, 1, "Broad", "active", BudgetType.Daily, 20m, new TargetingInput { Locations = ["US", "CA"] }, "p3", "synced", null, [ad]);
        AdSetView? toggled = null;

        var list = Render<CampaignAdSets>(p => p
            .Add(c => c.AdSets, [set])
            .Add(c => c.Currency, "USD")
            .Add(c => c.OnToggle, s => toggled = s));

        Assert.Contains("US, CA", list.Find("[data-testid=adset]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Hello", list.Find("[data-testid=ad]").TextContent, StringComparison.Ordinal);
        list.Find("[data-testid=adset] button").Click();
        Assert.Same(set, toggled);
    }

    [Fact]
    public void CampaignAdSets_None_SaysHowToAddThem()
    {
        var list = Render<CampaignAdSets>(p => p.Add(c => c.AdSets, []).Add(c => c.Currency, "USD"));

        Assert.Contains("create_ad_set", list.Find("[data-testid=adsets-empty]").TextContent, StringComparison.Ordinal);
        Assert.Empty(list.FindAll("[data-testid=adset]"));
    }
}
