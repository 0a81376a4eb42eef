using System.Collections.Concurrent;

namespace AdPilot.Web.Api.RateLimiting;

internal sealed class InMemoryRateCounter : IRateCounter
{
    private readonly ConcurrentDictionary<string, Counter> _counters = new();

    public Task<long> IncrementAsync(string key, long window, TimeSpan ttl, CancellationToken ct)
    {
        var counter = _counters.AddOrUpdate(key, _ => new Counter(window), (_, existing) => existing.Window == window ? existing : new Counter(window));
        var count = Interlocked.Increment(ref counter.Count);
        if (_counters.Count > 10_000)
        {
            // Old windows are dead weight: drop them now and then.
            foreach (var stale in _counters.Where(c => c.Value.Window < window))
            {
                _counters.TryRemove(stale);
            }
        }

        return Task.FromResult(count);
    }

    private sealed class Counter(long window)
    {
        public long Window { get; } = window;

        public long Count;
    }
}
