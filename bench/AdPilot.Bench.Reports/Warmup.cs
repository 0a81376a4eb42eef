using System.Diagnostics;

namespace AdPilot.Bench.Reports;

/// <summary>
/// Warms every process that is measured (the bench itself for the raw calls, each host) before any timing: rounds of every
/// case, at least <c>minRounds</c> of them (tiered JIT recompiles a method after about 30 calls, so a case called 3 times
/// is still measured in tier 0), then on until no target's round has got more than 5% faster than its best for three rounds
/// in a row, or the time budget is spent. A freshly started host measured after 3 calls mostly measures the JIT.
/// </summary>
internal static class Warmup
{
    public sealed record Outcome(int Rounds, TimeSpan Elapsed, bool Settled, IReadOnlyList<double> LastRoundMs);

    public static async Task<Outcome> RunAsync(IReadOnlyList<Func<Task>[]> targets, int minRounds, TimeSpan budget)
    {
        var watch = Stopwatch.StartNew();
        var best = Enumerable.Repeat(double.MaxValue, targets.Count).ToArray();
        var last = new double[targets.Count];
        var calm = 0;
        var rounds = 0;
        while (true)
        {
            var improved = false;
            for (var t = 0; t < targets.Count; t++)
            {
                var round = Stopwatch.StartNew();
                foreach (var call in targets[t])
                {
                    await call();
                }

                last[t] = round.Elapsed.TotalMilliseconds;
                improved |= last[t] < best[t] * 0.95;
                best[t] = Math.Min(best[t], last[t]);
            }

            rounds++;
            calm = improved ? 0 : calm + 1;
            var settled = rounds >= minRounds && calm >= 3;
            if (settled || watch.Elapsed >= budget)
            {
                return new Outcome(rounds, watch.Elapsed, settled, last);
            }
        }
    }
}
