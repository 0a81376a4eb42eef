using System.Text.RegularExpressions;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E;

/// <summary>Issue #15's journey: a new user has a landing page live, collecting leads and behind an ad in a few minutes.</summary>
public sealed class LandingPageJourneyTests(BrowserFixture browser) : LiveAppTests(browser, new AdPilotFactory())
{
    /// <summary>The beacon does not count headless browsers; this journey is a person on desktop Chrome.</summary>
    private const string DesktopChrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    [Fact]
    public async Task Template_Edit_Reorder_UndoRedo_Publish_Lead_Stats_AndTheWizardPicksThePage()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US", UserAgent = DesktopChrome });
        var page = await context.NewPageAsync();
        await page.SignInWithDevAsync(Url, "pages@example.com");
        await page.GotoAsync(Url + "/ad-accounts");
        await page.WaitForInteractiveAsync();
        await page.ConnectSimulatedAdsAsync();

        // From the empty list: a template and a name, straight into the editor.
        await Expect(page.TestId("nav-landing-pages")).ToHaveAttributeAsync("href", "/landing-pages");
        await page.GotoAsync(Url + "/landing-pages");
        await page.WaitForInteractiveAsync();
        await page.TestId("create-first-page").ClickAsync();
        await page.TestId("template-lead_generation").ClickAsync();
        await page.Field("landing-name-input").FillAsync("Spring consult");
        await page.TestId("create-landing-page").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/landing-pages/\d+/edit$"));
        await page.WaitForInteractiveAsync();
        var blocks = page.TestId("block-item");
        await Expect(blocks.First).ToHaveAttributeAsync("data-block-id", "hero");

        // The hero's headline and the theme's primary colour.
        await blocks.First.ClickAsync();
        await page.Field("field-title").FillAsync("Spring into growth");
        await Expect(blocks.First).ToContainTextAsync("Spring into growth"); // the edit reached the document (one undo step)
        await page.GetByRole(AriaRole.Tab).Nth(1).ClickAsync();
        await page.Field("theme-primary").FillAsync("#0F766E");
        await Expect(page.TestId("theme-primary-picker")).ToHaveValueAsync("#0f766e");

        // Two blocks swap places; undo puts them back, redo swaps them again.
        await Expect(blocks.Nth(1)).ToHaveAttributeAsync("data-block-id", "features");
        await blocks.Nth(1).GetByTestId("block-down").ClickAsync();
        await Expect(blocks.Nth(1)).ToHaveAttributeAsync("data-block-id", "testimonial");
        await page.TestId("editor-undo").ClickAsync();
        await Expect(blocks.Nth(1)).ToHaveAttributeAsync("data-block-id", "features");
        await page.TestId("editor-redo").ClickAsync();
        await Expect(blocks.Nth(1)).ToHaveAttributeAsync("data-block-id", "testimonial");
        await Expect(blocks.Nth(2)).ToHaveAttributeAsync("data-block-id", "features");
        await Expect(page.TestId("save-state")).ToHaveAttributeAsync("data-state", "Saved", new() { Timeout = 15_000 });

        // Publish, with its confirmation.
        await page.TestId("editor-publish").ClickAsync();
        await page.Locator(".mud-dialog .mud-dialog-actions button").Last.ClickAsync();
        await Expect(page.TestId("editor-unpublish")).ToBeVisibleAsync(new() { Timeout = 15_000 });

        // The page's detail shows where it is live.
        var detailUrl = Regex.Replace(page.Url, "/edit$", "");
        await page.TestId("editor-back").ClickAsync();
        await page.WaitForURLAsync(detailUrl);
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("landing-status")).ToHaveTextAsync("Published");
        var publicUrl = (await page.TestId("detail-public-url").GetAttributeAsync("href"))!;
        Assert.Equal(Url + "/p/spring-consult", publicUrl);

        // A visitor opens the public page (counted as a view) and sends the form.
        var visitor = await context.NewPageAsync();
        var beacon = visitor.WaitForResponseAsync(r => r.Url.EndsWith("/p/spring-consult/events", StringComparison.Ordinal));
        var response = await visitor.GotoAsync(publicUrl);
        Assert.Equal(200, response!.Status);
        Assert.Equal(204, (await beacon).Status);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Spring into growth");
        Assert.Contains("#0f766e", (await visitor.ContentAsync()).ToLowerInvariant(), StringComparison.Ordinal);
        await visitor.Locator("input[name=name]").FillAsync("Lena Park");
        await visitor.Locator("input[name=email]").FillAsync("lena@example.com");
        await visitor.Locator("form button[type=submit]").Last.ClickAsync();
        await Expect(visitor.GetByText("Thanks! An advisor will be in touch within one business day.")).ToBeVisibleAsync();

        // The owner sees the lead and the conversion on the page's detail.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.TestId("lead-email")).ToHaveTextAsync("lena@example.com");
        await Expect(page.TestId("stat-leads")).ToContainTextAsync("1");
        await Expect(page.TestId("stat-views")).ToContainTextAsync("1");
        await Expect(page.TestId("stat-conversion")).ToContainTextAsync("100 %");

        // The campaign wizard offers the published page for the ad.
        await page.GotoAsync(Url + "/campaigns/new");
        await page.WaitForInteractiveAsync();
        await page.Field("wizard-name").FillAsync("Spring consult ads");
        await page.TestId("wizard-next").ClickAsync();
        await page.TestId("wizard-next").ClickAsync();
        await page.TestId("wizard-next").ClickAsync();
        await page.TestId("landing-page-picker").ClickAsync();
        await page.TestId("landing-page-option-spring-consult").ClickAsync();
        await Expect(page.Field("wizard-landing")).ToHaveValueAsync(publicUrl);
        await page.TestId("wizard-next").ClickAsync();
        await Expect(page.TestId("wizard-review")).ToContainTextAsync(publicUrl);
        await page.TestId("wizard-create").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/campaigns/\d+$"));
        await Expect(page.TestId("ad").GetByTestId("ad-landing-page")).ToBeVisibleAsync();
        await Expect(page.TestId("ad")).ToContainTextAsync("/p/spring-consult");
    }
}
