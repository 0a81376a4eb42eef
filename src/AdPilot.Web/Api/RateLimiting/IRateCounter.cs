namespace AdPilot.Web.Api.RateLimiting;

/// <summary>Counts requests per key in a <see cref="SlidingWindow"/>: in process by default, in Redis when nodes share limits.</summary>
public interface IRateCounter
{
    /// <summary>Counts one request for the key if the window admits it (refused requests are not counted) and returns the counts it decided on.</summary>
    Task<RateCount> TryAcquireAsync(string key, SlidingWindow window, int limit, CancellationToken ct);
}

/// <summary>Whether the request was admitted, with the previous and current minute's counts after the decision.</summary>
public readonly record struct RateCount(bool Acquired, long Previous, long Current);
