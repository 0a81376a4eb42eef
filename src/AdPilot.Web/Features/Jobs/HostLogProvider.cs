using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace AdPilot.Web.Features.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static. With several hosts in one process (tests, or a host restarted in
/// place), the static can point at a host that was already disposed, and Hangfire then throws while creating a
/// logger — for example when a job is enqueued. This provider logs through the host's factory while it lives and
/// quietly drops Hangfire's log lines once it is gone.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(loggerFactory);

    public ILog GetLogger(string name)
    {
        try
        {
            return _inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
