using System.Net;
using System.Text;
using AdPilot.Core.Common;
using AdPilot.Core.Common.Net;
using AdPilot.Core.Tests.Common.Net;
using AdPilot.Core.WebPages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.WebPages;

public sealed class WebPageServiceTests
{
    /// <summary>The service as the host builds it; "shop.test" resolves to the loopback server, which only the test allow-list lets through.</summary>
    private static WebPageService Service(WebPageOptions? options = null, TimeProvider? clock = null) =>
        new(new SafeHttpFetcher(Options.Create(new SafeFetchOptions { TestOnlyAllowedNetworks = ["127.0.0.1/32"] }), new Names(), TimeProvider.System),
            Options.Create(options ?? new WebPageOptions()), clock ?? new FakeTimeProvider(), NullLogger<WebPageService>.Instance);

    private static LoopbackHttpServer Serve(string contentType, string body, string? redirect = null) => new((path, stream, _) =>
        redirect is not null && path == "/go"
            ? LoopbackHttpServer.RedirectAsync(stream, redirect)
            : LoopbackHttpServer.RespondAsync(stream, 200, contentType, Encoding.UTF8.GetBytes(body)));

    [Fact]
    public async Task AnalyzeAsync_LandingPage_ReportsItsPartsAndScore()
    {
        await using var server = Serve("text/html; charset=utf-8", LandingPages.Good, redirect: "/spring");
        var url = $"http://shop.test:{server.Port}/go";

        var report = await Service().AnalyzeAsync(7, url);

        Assert.Equal((url, $"http://shop.test:{server.Port}/spring", 200, false), (report.Url, report.FinalUrl, report.Status, report.Https));
        Assert.Equal(("text/html", (long)Encoding.UTF8.GetByteCount(LandingPages.Good), 0), (report.ContentType, report.PageBytes, report.FetchMilliseconds));
        Assert.Equal("Spring Sale – 30% off running shoes", report.Page.Title);
        Assert.Equal($"http://shop.test:{server.Port}/shop", report.Page.CallsToAction[0].Href);
        Assert.Equal(85, report.Score.Score); // 100 less HTTPS (10) and thin copy (5)
        Assert.Equal(["https", "content"], report.Score.Reasons.Where(r => r.Points < r.MaxPoints).Select(r => r.Code));
    }

    [Theory]
    [InlineData("image/png", "<html></html>", null, FetchErrors.UnsupportedType)]
    [InlineData("text/html", "<html></html>", "http://169.254.169.254/latest/meta-data/", FetchErrors.NotAllowed)]
    [InlineData("text/html", "<html></html>", "http://intranet.test/", FetchErrors.NotAllowed)]
    public async Task AnalyzeAsync_RefusedPage_IsRefusedWithItsCode(string contentType, string body, string? redirect, string code)
    {
        await using var server = Serve(contentType, body, redirect);

        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(() => Service().AnalyzeAsync(7, server.Url("/go")));

        Assert.Equal(code, refusal.Code);
        Assert.Single(server.Requested);
    }

    [Fact]
    public async Task AnalyzeAsync_PageOverTheLimit_IsTooLarge()
    {
        await using var server = Serve("text/html", "<html><body>" + new string('x', 4_000) + "</body></html>");

        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(() => Service(new WebPageOptions { MaxBytes = 2_048 }).AnalyzeAsync(7, server.Url("/")));

        Assert.Equal(FetchErrors.TooLarge, refusal.Code);
    }

    [Fact]
    public async Task AnalyzeAsync_PageTooComplexToParse_IsStoppedAtTheParseLimit()
    {
        // 40,000 unclosed elements take the HTML5 tree builder seconds (quadratic). The limit runs on the service's clock,
        // which the test moves on while the parser works: the answer must be the refusal, never a parsed page.
        await using var server = Serve("text/html", "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 40_000)) + "</body></html>");
        var clock = new FakeTimeProvider();
        var analysis = Service(new WebPageOptions { ParseTimeout = TimeSpan.FromMilliseconds(200) }, clock).AnalyzeAsync(7, server.Url("/"));

        // The limit starts when parsing does, after the fetch; each step moves the clock past any limit started before it.
        for (var waited = 0; !analysis.IsCompleted && waited < 30_000; waited += 20)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(20);
        }

        var refusal = await Assert.ThrowsAsync<ValidationFailedException>(() => analysis);
        Assert.Equal(FetchErrors.Timeout, refusal.Code);
        Assert.Contains("too complex to read within 0.2 seconds", refusal.Message, StringComparison.Ordinal);
    }

    private sealed class Names : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Task.FromResult(host switch
        {
            "shop.test" => new[] { IPAddress.Loopback },
            "intranet.test" => [IPAddress.Parse("192.168.10.10")],
            _ => [],
        });
    }
}
