using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Support;

public static class TestClock
{
    /// <summary>A fixed, known instant so tests never depend on the wall clock.</summary>
    public static FakeTimeProvider At2026() => new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
}
