using AdPilot.Web.Tests.Support;
using AdPilot.Web.Tests.WebPages;

namespace AdPilot.Web.Tests.Mcp;

/// <summary>The app with the fetcher allowed to reach 127.0.0.1 only (a test-only setting), and a 1-second page time limit.</summary>
public sealed class WebPagesFactory() : AdPilotFactory("Development", new Dictionary<string, string?>
{
    ["SafeFetch:TestOnlyAllowedNetworks:0"] = "127.0.0.1/32",
    ["WebPages:Timeout"] = "00:00:01",
});

public sealed class WebPagesToolsTests(WebPagesFactory app) : IClassFixture<WebPagesFactory>
{
    [Fact]
    public async Task AnalyzeWebPage_LandingPage_ReturnsItsSummaryAndScore()
    {
        var user = await app.SignInAsync("mcp-web-page@example.com");
        await using var pages = await PageServer.ServeAsync();
        await using var client = await app.ConnectMcpAsync(await app.CreatePatAsync(user.Id, "read"));

        var report = await client.SucceedsAsync("analyze_web_page", new { url = pages.Url("/landing") });

        var page = report.GetProperty("page");
        Assert.Equal((pages.Url("/landing"), 200, false), (report.GetProperty("final_url").GetString(), report.GetProperty("status").GetInt32(), report.GetProperty("https").GetBoolean()));
        Assert.Equal("Trail Runner X – lightweight running shoes", page.GetProperty("title").GetString());
        Assert.True(page.GetProperty("mobile_viewport").GetBoolean());
        var cta = page.GetProperty("calls_to_action")[0];
        Assert.Equal(("Buy now", pages.Url("/buy"), true), (cta.GetProperty("text").GetString(), cta.GetProperty("href").GetString(), cta.GetProperty("above_fold").GetBoolean()));
        Assert.DoesNotContain("never run", page.GetProperty("text_excerpt").GetString(), StringComparison.Ordinal);
        var score = report.GetProperty("score");
        Assert.Equal(11, score.GetProperty("reasons").GetArrayLength());
        Assert.Equal(score.GetProperty("reasons").EnumerateArray().Sum(r => r.GetProperty("points").GetInt32()), score.GetProperty("score").GetInt32());
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "url_not_allowed")]
    [InlineData("http://[::ffff:10.0.0.1]/", "url_not_allowed")]
    [InlineData("ftp://example.com/page", "url_not_allowed")]
    [InlineData("/to-loopback", "url_not_allowed")] // Kestrel's 302 to 127.0.0.2, which the allow-list does not cover
    [InlineData("/to-metadata", "url_not_allowed")]
    [InlineData("/brochure.pdf", "url_unsupported_type")]
    [InlineData("/huge", "url_too_large")]
    [InlineData("/slow", "url_timeout")]
    [InlineData("/gone", "url_unreachable")]
    public async Task AnalyzeWebPage_RefusedPage_FailsWithItsCode(string url, string code)
    {
        var user = await app.SignInAsync("mcp-web-page-refused@example.com");
        await using var pages = await PageServer.ServeAsync();
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var error = await client.FailsAsync("analyze_web_page", new { url = url.StartsWith('/') ? pages.Url(url) : url }, code);

        Assert.Single(error.GetProperty("errors").GetProperty("url").EnumerateArray());
    }

    [Fact]
    public async Task AnalyzeWebPage_WithoutUrl_IsValidationFailed()
    {
        var user = await app.SignInAsync("mcp-web-page-no-url@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        await client.FailsAsync("analyze_web_page", new { }, "validation_failed");
    }
}
