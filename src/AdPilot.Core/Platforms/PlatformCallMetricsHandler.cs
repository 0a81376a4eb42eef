using System.Diagnostics;
using System.Net;
using AdPilot.Core.Common;

namespace AdPilot.Core.Platforms;

/// <summary>
/// Counts each ad-platform call once, by outcome, outside the resilience pipeline: a call retried twice and then answered
/// is one success. Throttling that a platform reports in a 400 (Meta's code 17) counts as a client error.
/// </summary>
public sealed class PlatformCallMetricsHandler(AppMetrics metrics, string platform) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = PlatformOutcomes.Unreachable;
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            outcome = Outcome(response.StatusCode);
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = PlatformOutcomes.Canceled;
            throw;
        }
        finally
        {
            metrics.PlatformCall(platform, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    private static string Outcome(HttpStatusCode status) => (int)status switch
    {
        < 400 => PlatformOutcomes.Success,
        429 => PlatformOutcomes.RateLimited,
        < 500 => PlatformOutcomes.ClientError,
        _ => PlatformOutcomes.ServerError,
    };
}
