namespace AdPilot.Web.Api.RateLimiting;

/// <summary>Counts requests in fixed one-minute windows: in process by default, in Redis when nodes share limits.</summary>
public interface IRateCounter
{
    /// <summary>Adds one request for the key in the given window and returns the window's count so far.</summary>
    Task<long> IncrementAsync(string key, long window, TimeSpan ttl, CancellationToken ct);
}
