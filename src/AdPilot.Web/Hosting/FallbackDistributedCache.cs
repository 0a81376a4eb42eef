using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace AdPilot.Web.Hosting;

/// <summary>
/// The Redis cache, falling back to this node's memory while Redis is unreachable. Entries written during an outage
/// live on this node only (an OAuth binding started there must finish there), which beats refusing the request;
/// reads look in both, so such an entry is still found after Redis returns.
/// </summary>
internal sealed class FallbackDistributedCache(IDistributedCache redis, IDistributedCache local, ILogger<FallbackDistributedCache> logger) : IDistributedCache
{
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        await TryAsync(() => redis.GetAsync(key, token), default(byte[]?)) ?? await local.GetAsync(key, token);

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        if (!await TryAsync(async () =>
            {
                await redis.SetAsync(key, value, options, token);
                return true;
            }, false))
        {
            await local.SetAsync(key, value, options, token);
        }
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        await TryAsync(async () =>
        {
            await redis.RefreshAsync(key, token);
            return true;
        }, false);
        await local.RefreshAsync(key, token);
    }

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await TryAsync(async () =>
        {
            await redis.RemoveAsync(key, token);
            return true;
        }, false);
        await local.RemoveAsync(key, token);
    }

    private async Task<T> TryAsync<T>(Func<Task<T>> action, T fallback)
    {
        try
        {
            return await action();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException)
        {
            logger.LogWarning("Redis cache unavailable, using this node's memory: {Error}", ex.Message);
            return fallback;
        }
    }
}
