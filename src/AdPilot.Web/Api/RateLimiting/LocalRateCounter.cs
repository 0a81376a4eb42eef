using System.Collections.Concurrent;

namespace AdPilot.Web.Api.RateLimiting;

/// <summary>Counts in this process only: the default without Redis, and the fallback while Redis is unreachable.</summary>
internal sealed class LocalRateCounter : IRateCounter
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    public Task<RateCount> TryAcquireAsync(string key, SlidingWindow window, int limit, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        RateCount result;
        lock (entry)
        {
            entry.MoveTo(window.Index);
            var acquired = window.Admits(entry.Previous, entry.Current, limit);
            if (acquired)
            {
                entry.Current++;
            }

            result = new RateCount(acquired, entry.Previous, entry.Current);
        }

        if (_entries.Count > 10_000)
        {
            // Keys idle for two minutes count nothing any more: drop them now and then.
            foreach (var stale in _entries.Where(e => e.Value.Index < window.Index - 1))
            {
                _entries.TryRemove(stale);
            }
        }

        return Task.FromResult(result);
    }

    private sealed class Entry
    {
        public long Index { get; private set; }

        public long Previous { get; private set; }

        public long Current { get; set; }

        public void MoveTo(long index)
        {
            if (index == Index)
            {
                return;
            }

            Previous = index == Index + 1 ? Current : 0;
            Current = 0;
            Index = index;
        }
    }
}
