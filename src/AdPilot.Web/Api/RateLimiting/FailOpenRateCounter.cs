namespace AdPilot.Web.Api.RateLimiting;

/// <summary>
/// Redis when it answers within <see cref="RateLimitOptions.RedisTimeoutMilliseconds"/>, the local counter otherwise: a
/// Redis outage costs shared limits, never the API. After a failure Redis is left alone for a back-off (1 s doubling
/// to 30 s, on the injected clock), then one request tries it again.
/// </summary>
internal sealed class FailOpenRateCounter(
    IRateCounter shared, IRateCounter local, TimeSpan timeout, TimeProvider clock, ILogger<FailOpenRateCounter> logger) : IRateCounter
{
    private static readonly TimeSpan FirstBackOff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);
    private readonly Lock _gate = new();
    private DateTimeOffset _retryAt = DateTimeOffset.MinValue;
    private TimeSpan _backOff = TimeSpan.Zero;

    public async Task<RateCount> TryAcquireAsync(string key, SlidingWindow window, int limit, CancellationToken ct)
    {
        if (!ShouldTryShared())
        {
            return await local.TryAcquireAsync(key, window, limit, ct);
        }

        try
        {
            // Wall-clock timeout on purpose: it bounds real latency, whatever clock the limits use.
            var count = await shared.TryAcquireAsync(key, window, limit, ct).WaitAsync(timeout, ct);
            Recovered();
            return count;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            Failed(ex);
            return await local.TryAcquireAsync(key, window, limit, ct);
        }
    }

    private bool ShouldTryShared()
    {
        lock (_gate)
        {
            if (clock.GetUtcNow() < _retryAt)
            {
                return false;
            }

            if (_backOff > TimeSpan.Zero)
            {
                // Half open: this request probes Redis; the others keep counting locally until it answers.
                _retryAt = clock.GetUtcNow() + _backOff;
            }

            return true;
        }
    }

    private void Recovered()
    {
        lock (_gate)
        {
            if (_backOff == TimeSpan.Zero)
            {
                return;
            }

            _backOff = TimeSpan.Zero;
            _retryAt = DateTimeOffset.MinValue;
        }

        logger.LogInformation("Rate limits are shared through Redis again.");
    }

    private void Failed(Exception ex)
    {
        bool first;
        lock (_gate)
        {
            first = _backOff == TimeSpan.Zero;
            _backOff = first ? FirstBackOff : TimeSpan.FromTicks(Math.Min(_backOff.Ticks * 2, MaxBackOff.Ticks));
            _retryAt = clock.GetUtcNow() + _backOff;
        }

        if (first)
        {
            logger.LogWarning("Redis did not answer the rate limiter ({Reason}); counting in this process until it does.", ex.GetType().Name);
        }
    }
}
