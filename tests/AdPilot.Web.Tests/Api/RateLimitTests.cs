using System.Net;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Web.Tests.Api;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 10, TimeSpan.Zero));
    private AdPilotFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = AdPilotFactory.With(
            settings: new Dictionary<string, string?>
            {
                ["RateLimit:PermitsPerMinute"] = "3",
                ["RateLimit:SignInPermitsPerMinute"] = "2",
                ["RateLimit:FilesPermitsPerMinute"] = "2",
            },
            services: s => s.AddSingleton<TimeProvider>(_clock));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OverTheLimit_Is429WithHeaders_OtherUsersUnaffected_AndTheWindowSlides()
    {
        var alice = await _app.CreateBearerClientAsync("alice@example.com");
        var bob = await _app.CreateBearerClientAsync("bob@example.com");

        for (var i = 3; i > 0; i--)
        {
            var ok = await alice.GetAsync("/api/v1/users/me");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("3", ok.Headers.GetValues("X-RateLimit-Limit").Single());
            Assert.Equal((i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ok.Headers.GetValues("X-RateLimit-Remaining").Single());
        }

        var limited = await alice.GetAsync("/api/v1/users/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", (await limited.ProblemAsync()).Code());
        // 3 calls at 09:00:10 weigh 3 × (1 − t/60 s) in the next minute: one more fits at 09:01:20.
        Assert.Equal(TimeSpan.FromSeconds(70), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());

        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/v1/users/me")).StatusCode);

        _clock.Advance(TimeSpan.FromSeconds(69));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await alice.GetAsync("/api/v1/users/me")).StatusCode);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/v1/users/me")).StatusCode);
    }

    [Fact]
    public async Task BurstAcrossAMinuteBoundary_IsHeldToTheLimit()
    {
        var alice = await _app.CreateBearerClientAsync("burst@example.com");
        _clock.Advance(TimeSpan.FromSeconds(49)); // 09:00:59
        var admitted = 0;
        for (var i = 0; i < 5; i++)
        {
            admitted += (await alice.GetAsync("/api/v1/users/me")).IsSuccessStatusCode ? 1 : 0;
        }

        _clock.Advance(TimeSpan.FromSeconds(2)); // 09:01:01: a fixed window would start again from zero
        for (var i = 0; i < 5; i++)
        {
            admitted += (await alice.GetAsync("/api/v1/users/me")).IsSuccessStatusCode ? 1 : 0;
        }

        Assert.Equal(3, admitted);
    }

    [Fact]
    public async Task ErrorRaisedAsAnException_KeepsTheRateLimitHeaders()
    {
        var alice = await _app.CreateBearerClientAsync("missing@example.com");

        var response = await alice.GetAsync("/api/v1/campaigns/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("3", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal("2", response.Headers.GetValues("X-RateLimit-Remaining").Single());
    }

    [Theory]
    [InlineData("POST", "/auth/dev-login")]
    [InlineData("GET", "/auth/google/callback?code=x&state=y")]
    [InlineData("GET", "/api/v1/ad-accounts/callback/simulated?code=x&state=y")]
    [InlineData("GET", "/files/creatives/1/x.png?exp=1&sig=x")]
    [InlineData("PUT", "/files/creatives/1/x.png?exp=1&sig=x")]
    public async Task SignInCallbacksAndFiles_ArePerIpLimited(string method, string path)
    {
        var browser = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var i = 2; i > 0; i--)
        {
            var allowed = await browser.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
            Assert.Equal((i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), allowed.Headers.GetValues("X-RateLimit-Remaining").Single());
        }

        var limited = await browser.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("rate_limited", (await limited.ProblemAsync()).Code());
    }
}
