using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Platforms;

/// <summary>
/// Logs each attempt of an ad-platform call with credentials masked. The platform clients remove the default
/// HttpClient loggers, which would print Meta's <c>access_token</c> query parameter.
/// </summary>
public sealed class PlatformHttpLoggingHandler(ILogger<PlatformHttpLoggingHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var url = SecretRedaction.Redact(request.RequestUri);
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            logger.LogInformation("{Method} {Url} answered {Status} in {ElapsedMs:0} ms", request.Method, url, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("{Method} {Url} failed after {ElapsedMs:0} ms: {Error}", request.Method, url, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.GetType().Name);
            throw;
        }
    }
}
