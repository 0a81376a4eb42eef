using AdPilot.Core.LandingPages;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.E2E;

/// <summary>
/// A published landing page in real Chromium: its one script runs under the page's own CSP (no violation), sends the
/// view and the CTA click, and submits the lead form in place; with JavaScript off the form still posts.
/// </summary>
public sealed class PublishedPageJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    [Fact]
    public async Task PublishedPage_BeaconAndFormWork_WithAndWithoutJavaScript_UnderItsPolicy()
    {
        var user = (await Services.GetRequiredService<AdPilot.Core.Users.UserService>()
            .SignInAsync(new AdPilot.Core.Users.ExternalIdentity("dev", "journey-page@example.com", "journey-page@example.com", null, null))).Id;
        var pages = Services.GetRequiredService<LandingPageService>();
        var page = await pages.CreateAsync(user, new CreateLandingPageRequest
        {
            Name = "Journey page",
            Document = new LandingPageDocument
            {
                Blocks =
                [
                    new PageBlock { Id = "hero", Type = BlockType.Hero, Title = "Try it", ButtonLabel = "Sign up", ButtonUrl = "#form" },
                    new PageBlock { Id = "video", Type = BlockType.Video, VideoUrl = "https://www.youtube.com/watch?v=dQw4w9WgXcQ" },
                    new PageBlock
                    {
                        Id = "signup", Type = BlockType.LeadForm, SuccessMessage = "See you soon!",
                        Fields = [new FormField { Name = "email", Label = "Email", Type = FormFieldType.Email, Required = true }],
                    },
                ],
            },
        });
        await Services.GetRequiredService<LandingPagePublisher>().PublishAsync(user, page.Id);

        await using var context = await Browser.NewContextAsync();
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`))");
        var tab = await context.NewPageAsync();
        var problems = new List<string>();
        tab.Console += (_, m) => { if (m.Type == "error") { problems.Add(m.Text); } };
        var beacons = new List<string>();
        tab.Request += (_, r) => { if (r.Url.EndsWith("/p/journey-page/events", StringComparison.Ordinal)) { lock (beacons) { beacons.Add(r.PostData ?? ""); } } };
        // The video player is another site: answer it locally so the journey never leaves the machine.
        await context.RouteAsync("https://www.youtube-nocookie.com/**", r => r.FulfillAsync(new() { Status = 200, ContentType = "text/html", Body = "<p>player</p>" }));

        await tab.GotoAsync(Url + "/p/journey-page");
        await tab.GetByRole(AriaRole.Link, new() { Name = "Sign up" }).ClickAsync();
        await tab.GetByLabel("Email").FillAsync("ana@example.com");
        await tab.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(tab.GetByText("See you soon!")).ToBeVisibleAsync();
        await Expect(tab.Locator("form")).ToHaveCountAsync(0);

        await using var noScript = await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var plain = await noScript.NewPageAsync();
        await plain.GotoAsync(Url + "/p/journey-page");
        await plain.GetByLabel("Email").FillAsync("bo@example.com");
        await plain.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(plain.GetByText("See you soon!")).ToBeVisibleAsync();

        var tracking = Services.GetRequiredService<LandingPageTracking>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var totals = (await tracking.GetStatsAsync(user, page.Id, today.AddDays(-1), today.AddDays(1))).Totals;
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Contains("{\"type\":\"view\"}", beacons);
        Assert.Contains("{\"type\":\"click\",\"block\":\"hero\"}", beacons);
        Assert.Equal(2L, totals.Leads);
        Assert.Equal(2, (await tracking.ListLeadsAsync(user, page.Id, 1, 10)).Total);
    }
}
