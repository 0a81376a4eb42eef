using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Core.Common;

/// <summary>
/// AdPilot's own meters, in one place (docs/decisions/016). A DI singleton made from <see cref="IMeterFactory"/>, so each
/// host (and each test host in one process) counts on its own. Tags are low-cardinality: never a user, account or URL.
/// </summary>
public sealed class AppMetrics
{
    public const string MeterName = "AdPilot";
    public const string ActivitySourceName = "AdPilot";

    /// <summary>Spans AdPilot starts itself (background jobs); created only when a tracer listens.</summary>
    public static readonly ActivitySource Activities = new(ActivitySourceName);

    private readonly Counter<long> _rateLimitRejections;
    private readonly Counter<long> _platformCalls;
    private readonly Histogram<double> _platformCallDuration;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;

    public AppMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rateLimitRejections = meter.CreateCounter<long>("adpilot.rate_limit.rejections", "{request}", "API requests refused with 429 by the rate limiter.");
        _platformCalls = meter.CreateCounter<long>("adpilot.platform.calls", "{call}", "Calls to ad platform APIs (after retries), by platform and outcome.");
        _platformCallDuration = meter.CreateHistogram<double>("adpilot.platform.call.duration", "s", "Duration of ad platform calls, retries included.");
        _jobRuns = meter.CreateCounter<long>("adpilot.jobs.runs", "{run}", "Background job runs, by job and outcome.");
        _jobDuration = meter.CreateHistogram<double>("adpilot.jobs.duration", "s", "Duration of background job runs.");
    }

    /// <summary>The host's instance, for code without constructor injection (middleware, filters).</summary>
    public static AppMetrics From(IServiceProvider services) => services.GetRequiredService<AppMetrics>();

    /// <summary>One API request refused by the rate limiter; <paramref name="policy"/> names the limit (e.g. <c>api</c>).</summary>
    public void RateLimitRejected(string policy, bool authenticated) =>
        _rateLimitRejections.Add(1, new("policy", policy), new("authenticated", authenticated));

    /// <summary>One platform call; <paramref name="outcome"/> is one of <see cref="PlatformOutcomes"/>.</summary>
    public void PlatformCall(string platform, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "platform", platform }, { "outcome", outcome } };
        _platformCalls.Add(1, tags);
        _platformCallDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary>One job run; <paramref name="outcome"/> is <c>succeeded</c>, <c>failed</c> or <c>canceled</c>.</summary>
    public void JobRun(string job, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        _jobRuns.Add(1, tags);
        _jobDuration.Record(duration.TotalSeconds, tags);
    }
}

/// <summary>The outcomes a platform call is counted under.</summary>
public static class PlatformOutcomes
{
    public const string Success = "success";
    public const string RateLimited = "rate_limited";
    public const string ClientError = "client_error";
    public const string ServerError = "server_error";
    public const string Unreachable = "unreachable";
    public const string Canceled = "canceled";
}
