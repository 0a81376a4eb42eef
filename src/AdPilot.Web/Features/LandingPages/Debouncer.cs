namespace AdPilot.Web.Features.LandingPages;

/// <summary>Lets the last of a burst of calls through once the delay has passed without another (on the injected clock).</summary>
public sealed class Debouncer(TimeProvider clock, TimeSpan delay) : IDisposable
{
    private CancellationTokenSource? _timer;

    /// <summary>True after the delay; false when a newer call or <see cref="Cancel"/> came first.</summary>
    public async Task<bool> WaitAsync()
    {
        Cancel();
        _timer = new CancellationTokenSource();
        try
        {
            await Task.Delay(delay, clock, _timer.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Cancel()
    {
        _timer?.Cancel();
        _timer?.Dispose();
        _timer = null;
    }

    public void Dispose() => Cancel();
}
