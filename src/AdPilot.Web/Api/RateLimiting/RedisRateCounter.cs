using StackExchange.Redis;

namespace AdPilot.Web.Api.RateLimiting;

/// <summary>INCR and EXPIRE in one round trip, so every node counts against the same limit.</summary>
internal sealed class RedisRateCounter(IConnectionMultiplexer redis) : IRateCounter
{
    private const string Script = "local n = redis.call('INCR', KEYS[1]) if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end return n";

    public async Task<long> IncrementAsync(string key, long window, TimeSpan ttl, CancellationToken ct)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(Script, [(RedisKey)$"adpilot:ratelimit:{key}:{window}"], [(long)ttl.TotalMilliseconds]);
        return (long)result;
    }
}
