using System.Globalization;
using System.Security.Claims;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Automation;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Reports;
using AdPilot.Web.Features.Automation;
using AdPilot.Web.Tests.Actions;
using AdPilot.Web.Tests.Support;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

/// <summary>The rule editor previews the draft before it is saved, and the preview follows each change.</summary>
public sealed class RuleEditorComponentTests : UiTestContext, IAsyncLifetime
{
    private readonly UndoHost _host = new();
    private long _userId;

    public async Task InitializeAsync()
    {
        var user = await _host.SignInAsync("rules-ui@example.com");
        var accountId = await _host.BindSimulatedAccountAsync(user);
        _userId = user.Id;
        await _host.Services.GetRequiredService<AdAccountService>().SetActiveAsync(user.Id, accountId);
        var campaigns = _host.Services.GetRequiredService<CampaignService>();
        var detail = await campaigns.CreateAsync(user.Id, new CreateCampaignRequest
        {
            AdAccountId = accountId, Name = "Spring", Budget = 50m, Activate = true,
            AdSets = [new AdSetInput { Name = "Broad", BudgetType = BudgetType.Daily, Budget = 20m, Ads = [new AdInput { Name = "Hero", Headline = "Hi" }] }],
        });
        var adSet = detail.AdSets[0];
        await using (var db = await _host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            for (var day = today.AddDays(-6); day <= today; day = day.AddDays(1))
            {
                db.ReportMetrics.Add(new ReportMetric
                {
                    UserId = user.Id, AdAccountId = accountId, CampaignId = detail.Campaign.Id, AdSetId = adSet.Id, AdId = adSet.Ads[0].Id, Date = day,
                    Spend = 50m, Impressions = 1000, Clicks = 20, Conversions = 1, Revenue = 40m, Currency = "USD", UpdatedAt = DateTime.UtcNow,
                });
            }

            await db.SaveChangesAsync();
        }

        Services.AddSingleton(_host.Services.GetRequiredService<AutomationRuleService>());
        Services.AddSingleton(_host.Services.GetRequiredService<AdAccountService>());
        AddAuthorization().SetAuthorized("rules-ui@example.com").SetClaims(new Claim("sub", user.Id.ToString(CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        Render<MudDialogProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Editor_NewRuleFromTemplate_PreviewsTheChangeBeforeSaving_AndFollowsEdits()
    {
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo("/rules/new?template=pause_cpa");
        var page = Render<RuleEditorPage>();

        page.WaitForAssertion(() => Assert.Equal("active → paused", page.Find("[data-testid=rule-preview-change]").TextContent.Trim()));
        Assert.Contains("Broad", page.Find("[data-testid=rule-preview-row]").TextContent);

        var value = page.FindAll("[data-testid=rule-condition-value] input, input[data-testid=rule-condition-value]")[0];
        value.Change("60");

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=rule-preview-row]")));
        Assert.Empty(await _host.Services.GetRequiredService<AutomationRuleService>().ListAsync(_userId));
    }
}
