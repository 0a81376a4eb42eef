using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Jobs;

/// <summary>
/// Hangfire keeps defaults in statics (its job activator among them). With several hosts in one process, as in these
/// tests or a host rebuilt in place, a job must still run inside the host that queued it, with that host's services.
/// </summary>
public sealed class JobHostTests
{
    public sealed class Probe
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public void Touch() => Interlocked.Increment(ref _runs);
    }

    [Fact]
    public async Task AJob_RunsInTheHostThatQueuedIt_WhenHostsStartSideBySide()
    {
        for (var round = 0; round < 4; round++)
        {
            await using var first = AdPilotFactory.With(services: s => s.AddSingleton<Probe>());
            await using var second = AdPilotFactory.With(services: s => s.AddSingleton<Probe>());
            await Task.WhenAll(Task.Run(() => first.Services), Task.Run(() => second.Services));

            var (a, b) = (first.Services.GetRequiredService<Probe>(), second.Services.GetRequiredService<Probe>());
            first.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<Probe>(p => p.Touch());
            second.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<Probe>(p => p.Touch());

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (a.Runs + b.Runs < 2 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            // A job run by the wrong host would show as 2 and 0.
            Assert.Equal((1, 1), (a.Runs, b.Runs));
        }
    }
}
