using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using AdPilot.Core.Common;
using AdPilot.Core.Identity;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.Meta;
using AdPilot.Core.Users;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Platforms;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace AdPilot.Web.Tests.Hosting;

/// <summary>AdPilot's own meters count platform calls, job runs and rate-limit rejections, each host on its own.</summary>
public sealed class AppMetricsTests
{
    [Fact]
    public async Task PlatformCall_AnsweredAfterARetry_CountsOneSuccessPerCall()
    {
        await using var meta = await FakeMeta.StartNewAsync();
        meta.ServerErrorTimes = 1;
        await using var host = new PlatformClientHost(meta.Settings());
        using var calls = new MetricCollector<long>(host.Get<IMeterFactory>(), AppMetrics.MeterName, "adpilot.platform.calls");

        await host.Get<MetaAdsClient>().ListAdAccountsAsync(FakeMeta.LongToken, default);

        // Three accounts at two a page: two calls, the first answered on its second attempt.
        Assert.Equal(3, meta.Requests.Count);
        var counted = calls.GetMeasurementSnapshot();
        Assert.Equal(2, counted.Count);
        Assert.All(counted, m => Assert.True(Tagged(m, ("platform", "Meta"), ("outcome", PlatformOutcomes.Success))));
    }

    [Fact]
    public async Task PlatformCall_ServerErrorsPastTheRetries_CountsAServerError()
    {
        await using var meta = await FakeMeta.StartNewAsync();
        meta.ServerErrorTimes = 100;
        await using var host = new PlatformClientHost(meta.Settings());
        using var calls = new MetricCollector<long>(host.Get<IMeterFactory>(), AppMetrics.MeterName, "adpilot.platform.calls");

        await Assert.ThrowsAsync<PlatformException>(() => host.Get<MetaAdsClient>().ListAdAccountsAsync(FakeMeta.LongToken, default));

        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.True(Tagged(call, ("platform", "Meta"), ("outcome", PlatformOutcomes.ServerError)));
    }

    [Fact]
    public async Task JobRun_SucceededAndFailed_CountedByJobAndOutcome()
    {
        await using var app = AdPilotFactory.With(services: s => s.AddSingleton<MetricsProbe>());
        using var runs = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), AppMetrics.MeterName, "adpilot.jobs.runs");
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();

        jobs.Enqueue<MetricsProbe>(p => p.Touch());
        jobs.Enqueue<MetricsProbe>(p => p.Fail());
        await runs.WaitForMeasurementsAsync(2, TimeSpan.FromSeconds(30));

        var counted = runs.GetMeasurementSnapshot();
        Assert.Single(counted, m => Tagged(m, ("job", "MetricsProbe.Touch"), ("outcome", "succeeded")));
        Assert.Single(counted, m => Tagged(m, ("job", "MetricsProbe.Fail"), ("outcome", "failed")));
    }

    [Fact]
    public async Task RateLimitRejection_Is429_AndCounted()
    {
        await using var app = AdPilotFactory.With(settings: new Dictionary<string, string?> { ["RateLimit:PermitsPerMinute"] = "1" });
        using var rejections = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), AppMetrics.MeterName, "adpilot.rate_limit.rejections");
        var client = app.CreateClient();
        var user = await app.Services.GetRequiredService<UserService>().SignInAsync(new ExternalIdentity("dev", "meter@example.com", "meter@example.com", null, null));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await app.Services.GetRequiredService<TokenService>().IssueAsync(user.Id)).AccessToken);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users/me")).StatusCode);
        Assert.Empty(rejections.GetMeasurementSnapshot());
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/api/v1/users/me")).StatusCode);

        var rejection = Assert.Single(rejections.GetMeasurementSnapshot());
        Assert.True(Tagged(rejection, ("policy", "api"), ("authenticated", true)));
    }

    private static bool Tagged(CollectedMeasurement<long> measurement, params (string Key, object Value)[] tags) =>
        tags.All(t => measurement.Tags.TryGetValue(t.Key, out var value) && Equals(value, t.Value));

    public sealed class MetricsProbe
    {
        public void Touch()
        {
        }

        [AutomaticRetry(Attempts = 0)]
        public void Fail() => throw new InvalidOperationException("This job fails on purpose.");
    }
}
