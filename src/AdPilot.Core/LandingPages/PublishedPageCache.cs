using Microsoft.Extensions.Caching.Memory;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// This node's copy of published pages (and of "not published" answers, so a scan of unknown slugs does not reach the
/// database each time), kept for <see cref="LandingPageOptions.CacheFor"/> and bounded in bytes. Publishing evicts on this
/// node; a load that raced an eviction is not cached, so a reader never puts back what a publish just removed.
/// </summary>
internal sealed class PublishedPageCache(TimeSpan cacheFor) : IDisposable
{
    private const long MaxBytes = 64L * 1024 * 1024;
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxBytes });
    private long _generation;

    public async Task<PublishedPage?> GetAsync(string key, Func<string, CancellationToken, Task<PublishedPage?>> load, CancellationToken ct)
    {
        if (cacheFor <= TimeSpan.Zero)
        {
            return await load(key, ct);
        }

        if (_cache.TryGetValue(key, out Entry? hit) && hit is not null)
        {
            return hit.Page;
        }

        var generation = Interlocked.Read(ref _generation);
        var page = await load(key, ct);
        if (Interlocked.Read(ref _generation) == generation)
        {
            _cache.Set(key, new Entry(page), new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = cacheFor, Size = 512 + (page?.Html.Length ?? 0) });
        }

        return page;
    }

    public void Evict(string key)
    {
        Interlocked.Increment(ref _generation);
        _cache.Remove(key);
    }

    public void Dispose() => _cache.Dispose();

    private sealed record Entry(PublishedPage? Page);
}
