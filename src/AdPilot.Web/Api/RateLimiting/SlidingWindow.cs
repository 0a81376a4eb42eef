namespace AdPilot.Web.Api.RateLimiting;

/// <summary>
/// A sliding one-minute window, approximated by two fixed minutes: the previous minute's count weighted by the share
/// of it still inside the last 60 s, plus this minute's count. A burst across a minute boundary cannot double the
/// limit as fixed windows let it. All arithmetic is in whole milliseconds, so the same decision is made in process
/// and in Redis.
/// </summary>
public readonly record struct SlidingWindow(long Index, long ElapsedMs)
{
    public const long LengthMs = 60_000;

    /// <summary>Milliseconds of the previous minute still inside the sliding window.</summary>
    public long PreviousWeightMs => LengthMs - ElapsedMs;

    public static SlidingWindow At(DateTimeOffset now)
    {
        var ms = now.ToUnixTimeMilliseconds();
        return new SlidingWindow(ms / LengthMs, ms % LengthMs);
    }

    /// <summary>Whether one more request fits: previous × weight + current + 1 ≤ limit.</summary>
    public bool Admits(long previous, long current, int limit) => Scaled(previous, current + 1) <= limit * LengthMs;

    /// <summary>Whole requests still allowed right now.</summary>
    public long Remaining(long previous, long current, int limit) => Math.Max(0, ((limit * LengthMs) - Scaled(previous, current)) / LengthMs);

    /// <summary>How long until one more request fits, rounded up to whole seconds (at least one).</summary>
    public int RetryAfterSeconds(long previous, long current, int limit)
    {
        var room = (limit - 1) * LengthMs;
        long waitMs;
        if (current * LengthMs <= room && previous > 0)
        {
            // The previous minute's share shrinks as time passes, within this minute.
            waitMs = PreviousWeightMs - ((room - (current * LengthMs)) / previous);
        }
        else
        {
            // Only the next minute helps: this minute becomes the previous one and its share shrinks in turn.
            waitMs = LengthMs - ElapsedMs + (current == 0 ? 0 : LengthMs - (room / current));
        }

        return (int)Math.Max(1, (waitMs + 999) / 1000);
    }

    private long Scaled(long previous, long current) => (previous * PreviousWeightMs) + (current * LengthMs);
}
