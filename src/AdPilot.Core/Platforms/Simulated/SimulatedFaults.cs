using System.Collections.Concurrent;

namespace AdPilot.Core.Platforms.Simulated;

/// <summary>Failures tests (and demos) can inject into the simulated platform.</summary>
public sealed class SimulatedFaults
{
    private readonly ConcurrentQueue<PlatformException> _next = new();

    /// <summary>When set, refreshing any grant fails as expired (the user must authorise again).</summary>
    public bool RefreshFails { get; set; }

    /// <summary>The next calls (any operation but OAuth) fail with these errors, in order.</summary>
    public void FailNext(PlatformErrorKind kind, string message = "Injected failure", int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _next.Enqueue(new PlatformException(kind, message, retryAfter: kind == PlatformErrorKind.RateLimited ? TimeSpan.FromSeconds(1) : null));
        }
    }

    public void Reset()
    {
        RefreshFails = false;
        _next.Clear();
    }

    internal void ThrowIfInjected()
    {
        if (_next.TryDequeue(out var error))
        {
            throw error;
        }
    }
}
