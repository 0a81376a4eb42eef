using System.ClientModel.Primitives;
using System.Globalization;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The OpenAI SDK's retry policy (connection errors, timeouts, 408, 429 and 5xx; exponential back-off), made to honour
/// the provider's own wait: OpenAI and most compatible servers answer a 429 or 503 with <c>retry-after-ms</c> or
/// <c>Retry-After</c> (seconds). A wait longer than <see cref="MaxWait"/> is not waited out: the turn fails at once and the
/// user is told to try again, rather than sitting through most of the turn's time for an answer that may not come.
/// </summary>
internal sealed class ProviderRetryPolicy(int maxRetries, ILoggerFactory loggerFactory)
    : ClientRetryPolicy(maxRetries, enableLogging: true, loggerFactory)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(10);

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        (RequestedWait(message) is not { } wait || wait <= MaxWait) && base.ShouldRetry(message, exception);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount) =>
        RequestedWait(message) ?? base.GetNextDelay(message, tryCount);

    private static TimeSpan? RequestedWait(PipelineMessage message)
    {
        var headers = message.Response?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            return TimeSpan.FromMilliseconds(millis);
        }

        return headers.TryGetValue("Retry-After", out var after) && int.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
