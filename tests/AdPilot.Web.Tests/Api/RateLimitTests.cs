using System.Net;
using System.Net.Http.Headers;
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
            settings: new Dictionary<string, string?> { ["RateLimit:PermitsPerMinute"] = "3" },
            services: s => s.AddSingleton<TimeProvider>(_clock));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OverTheLimit_Is429WithHeaders_OtherUsersUnaffected_AndTheNextMinuteResets()
    {
        var alice = await SignedInAsync("alice@example.com");
        var bob = await SignedInAsync("bob@example.com");

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
        Assert.Equal(TimeSpan.FromSeconds(50), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());

        Assert.Equal(HttpStatusCode.OK, (await bob.GetAsync("/api/v1/users/me")).StatusCode);

        _clock.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/v1/users/me")).StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        // Tokens are minted through the service so sign-in requests do not use up the anonymous partition.
        var client = _app.CreateClient();
        var users = _app.Services.GetRequiredService<AdPilot.Core.Users.UserService>();
        var tokens = _app.Services.GetRequiredService<AdPilot.Core.Identity.TokenService>();
        var user = await users.SignInAsync(new AdPilot.Core.Users.ExternalIdentity("dev", email, email, null, null));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await tokens.IssueAsync(user.Id)).AccessToken);
        return client;
    }
}
