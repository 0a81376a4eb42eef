using StackExchange.Redis;

namespace AdPilot.Web.Api.RateLimiting;

/// <summary>The same sliding-window decision as <see cref="LocalRateCounter"/>, made atomically in one Lua call, so every node counts against one limit.</summary>
internal sealed class RedisRateCounter(IConnectionMultiplexer redis) : IRateCounter
{
    // KEYS: this minute, the previous minute. ARGV: limit, window length (ms), previous minute's weight (ms), TTL (ms).
    private const string Script = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
        local length = tonumber(ARGV[2])
        if previous * tonumber(ARGV[3]) + (current + 1) * length > tonumber(ARGV[1]) * length then
            return {0, previous, current}
        end
        current = redis.call('INCR', KEYS[1])
        if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[4]) end
        return {1, previous, current}
        """;

    public async Task<RateCount> TryAcquireAsync(string key, SlidingWindow window, int limit, CancellationToken ct)
    {
        if (!redis.IsConnected)
        {
            // Commands would queue until the multiplexer reconnects; the caller falls back at once instead.
            throw new InvalidOperationException("Redis is not connected.");
        }

        // The hash tag keeps both minutes of one key in one cluster slot.
        RedisKey[] keys = [$"adpilot:ratelimit:{{{key}}}:{window.Index}", $"adpilot:ratelimit:{{{key}}}:{window.Index - 1}"];
        RedisValue[] args = [limit, SlidingWindow.LengthMs, window.PreviousWeightMs, 2 * SlidingWindow.LengthMs + 5_000];
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, keys, args))!;
        return new RateCount((long)result[0] == 1, (long)result[1], (long)result[2]);
    }
}
