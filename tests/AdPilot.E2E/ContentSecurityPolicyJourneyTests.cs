using AdPilot.Core.Reports;
using AdPilot.E2E.Support;
using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E;

/// <summary>
/// The pages run under their Content-Security-Policy in real Chromium without a single violation, and ask nothing of
/// another host (no CDN fonts): a new script, inline handler or external asset fails here, not in production.
/// </summary>
public sealed class ContentSecurityPolicyJourneyTests(BrowserFixture browser)
    : LiveAppTests(browser, AdPilotFactory.With(settings: new Dictionary<string, string?> { ["Demo:SeedYear"] = "true" }))
{
    [Fact]
    public async Task Pages_LoginDashboardCreativesReportsAndDocs_RaiseNoCspViolation_AndLoadNothingFromElsewhere()
    {
        await using var context = await Browser.NewConsentedContextAsync(new BrowserNewContextOptions { Locale = "en-US" });
        // Violations inside frames, shadow roots and workers are reported as events even when nothing is logged.
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`))");
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || message.Text.StartsWith("CSP violation", StringComparison.Ordinal)))
            {
                problems.Add($"{page.Url}: {message.Text}");
            }
        };
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ws" or "wss" && !uri.IsLoopback)
            {
                problems.Add($"{page.Url}: requested {request.Url}");
            }
        };

        // A blocked script shows up as a missing chart first: say which violations came before.
        async Task ShownAsync(ILocator locator)
        {
            try
            {
                await Expect(locator.First).ToBeVisibleAsync();
            }
            catch (PlaywrightException ex)
            {
                throw new Xunit.Sdk.XunitException($"{ex.Message}\nSeen so far:\n{string.Join('\n', problems)}");
            }
        }

        await page.SignInWithDevAsync(Url, ReportDemo.Email);
        await ShownAsync(page.Locator("#dashboard-trend svg"));

        await page.GotoAsync(Url + "/creatives");
        await page.WaitForInteractiveAsync();

        await page.GotoAsync(Url + "/reports?range=30");
        await page.WaitForInteractiveAsync();
        await ShownAsync(page.Locator("#reports-trend svg"));

        await page.GotoAsync(Url + "/settings");
        await page.WaitForInteractiveAsync();

        await page.GotoAsync(Url + "/docs");
        await ShownAsync(page.GetByText("AdPilot API"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
