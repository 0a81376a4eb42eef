using AdPilot.Web.Api.RateLimiting;

namespace AdPilot.Web.Tests.Api;

public sealed class SlidingWindowTests
{
    private static SlidingWindow At(int second) => SlidingWindow.At(new DateTimeOffset(2026, 11, 26, 9, 0, second, TimeSpan.Zero));

    [Fact]
    public void Admits_PreviousMinuteWeighsByTheShareStillInsideTheWindow()
    {
        // 6 calls last minute, 1 this minute, limit 4: at :30 they weigh 6 × ½ + 1 = 4, at :40 6 × ⅓ + 1 = 3.
        Assert.False(At(30).Admits(previous: 6, current: 1, limit: 4));
        Assert.True(At(40).Admits(previous: 6, current: 1, limit: 4));
        Assert.False(At(39).Admits(previous: 6, current: 1, limit: 4));
        Assert.Equal(1, At(40).Remaining(previous: 6, current: 1, limit: 4));
    }

    [Theory]
    [InlineData(30, 6, 1, 4, 10)] // the previous minute's share shrinks enough within this minute
    [InlineData(10, 0, 3, 3, 70)] // only the next minute helps: 50 s to it, then 3 × (1 − t/60) ≤ 2 at t = 20 s
    [InlineData(59, 0, 1, 1, 61)]
    public void RetryAfterSeconds_IsWhenTheNextRequestFits(int second, long previous, long current, int limit, int expected)
    {
        var window = At(second);
        Assert.False(window.Admits(previous, current, limit));

        var retryAfter = window.RetryAfterSeconds(previous, current, limit);

        Assert.Equal(expected, retryAfter);
        var later = SlidingWindow.At(new DateTimeOffset(2026, 11, 26, 9, 0, second, TimeSpan.Zero).AddSeconds(retryAfter));
        var (laterPrevious, laterCurrent) = (later.Index - window.Index) switch { 0 => (previous, current), 1 => (current, 0L), _ => (0L, 0L) };
        Assert.True(later.Admits(laterPrevious, laterCurrent, limit));
    }
}
