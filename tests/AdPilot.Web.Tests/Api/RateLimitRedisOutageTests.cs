using System.Diagnostics;
using System.Net;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace AdPilot.Web.Tests.Api;

/// <summary>The rate limiter counts in Redis, falls back to counting in process when Redis hangs or stops, and goes back to Redis when it returns.</summary>
public sealed class RateLimitRedisOutageTests : IAsyncLifetime
{
    // The old code answered after ~6 s (commands queued until the client's 5 s timeout); a healthy answer takes
    // milliseconds. 2 s leaves room for a loaded 2-core CI machine without hiding the regression.
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 10, TimeSpan.Zero));
    private RedisServerProcess _redis = null!;
    private AdPilotFactory _app = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServerProcess.StartAsync();
        _app = AdPilotFactory.With(
            settings: new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = _redis.ConnectionString },
            services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task RedisFrozenStoppedAndRestarted_ApiKeepsAnswering_AndLimitsGoBackToRedis()
    {
        var client = await _app.CreateBearerClientAsync("outage@example.com");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.True(await CountedInRedisAsync(), "the first request was not counted in Redis");

        await _redis.FreezeAsync();
        await AssertAnswersQuicklyAsync(client); // waits at most the Redis timeout (50 ms), then counts locally
        await AssertAnswersQuicklyAsync(client); // back-off: Redis is not asked at all
        await _redis.ThawAsync();

        await _redis.StopAsync();
        _clock.Advance(TimeSpan.FromSeconds(5)); // past the back-off: the next request probes Redis, finds it down
        await AssertAnswersQuicklyAsync(client);
        await AssertAnswersQuicklyAsync(client);

        await _redis.RestartAsync(); // empty, as after an outage without persistence
        var multiplexer = _app.Services.GetRequiredService<IConnectionMultiplexer>();
        using (var reconnect = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        {
            while (!multiplexer.IsConnected)
            {
                await Task.Delay(50, reconnect.Token);
            }
        }

        _clock.Advance(TimeSpan.FromSeconds(31)); // past the longest back-off
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.True(await CountedInRedisAsync(), "after Redis returned, requests were not counted there again");
    }

    private static async Task AssertAnswersQuicklyAsync(HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync("/api/v1/users/me");
        watch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("X-RateLimit-Remaining"));
        Assert.True(watch.Elapsed < Quick, $"the API took {watch.ElapsedMilliseconds} ms while Redis was down");
    }

    private async Task<bool> CountedInRedisAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var keys = redis.GetServer(redis.GetEndPoints()[0]).KeysAsync(pattern: "adpilot:ratelimit:*");
        await foreach (var _ in keys)
        {
            return true;
        }

        return false;
    }
}
