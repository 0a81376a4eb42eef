using System.Net;
using System.Text;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Web.Tests.LandingPages;

public sealed class PageTrackingRateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 10, TimeSpan.Zero));
    private AdPilotFactory _app = null!;
    private long _owner;

    public async Task InitializeAsync()
    {
        _app = AdPilotFactory.With(
            settings: new Dictionary<string, string?> { ["LandingPages:EventsPerMinute"] = "3", ["LandingPages:LeadsPerMinute"] = "2" },
            services: s => s.AddSingleton<TimeProvider>(_clock));
        _owner = (await _app.SignInAsync("lp-flood@example.com")).Id;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Events_Flood_Is429WithRetryAfter_AndOnlyTheAdmittedAreCounted()
    {
        var page = await LandingPageSeed.PageAsync(_app.Services, _owner, "flood-page");
        var client = _app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 6; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, LandingPageRoutes.Events("flood-page")) { Content = new StringContent("{\"type\":\"view\"}", Encoding.UTF8, "text/plain") };
            request.Headers.TryAddWithoutValidation("User-Agent", LandingPageSeed.Browser);
            last = await client.SendAsync(request);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.NoContent, 3), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
        Assert.Equal("rate_limited", (await last.ProblemAsync()).Code());
        Assert.True(last.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("*", last.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Equal((3L, 0L, 0L), await LandingPageSeed.CountsAsync(_app.Services, page));
    }

    [Fact]
    public async Task Leads_Flood_Is429_AndNothingMoreIsStored()
    {
        var page = await LandingPageSeed.PageAsync(_app.Services, _owner, "spam-page");
        var client = _app.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, LandingPageRoutes.Leads("spam-page"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = $"n{i}", ["email"] = $"n{i}@example.com" }),
            };
            request.Headers.Accept.ParseAdd(i == 3 ? "text/html" : "application/json");
            var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (i == 3)
            {
                Assert.Contains("Too many submissions", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(2, (await _app.Services.GetRequiredService<LandingPageTracking>().ListLeadsAsync(_owner, page, 1, 20)).Total);
    }
}
