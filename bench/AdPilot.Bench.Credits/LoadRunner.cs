using System.Collections.Concurrent;
using System.Diagnostics;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;

namespace AdPilot.Bench.Credits;

/// <summary>
/// N workers call a deduction (<see cref="CreditService.DeductAsync"/>, or the same through MCP) back to back until the duration is over. A worker starts no
/// call after the deadline and never cancels one in flight, so every outcome the bench counts is a finished call.
/// </summary>
internal static class LoadRunner
{
    public const string Operation = "campaign_action";

    public static Task<LoadResult> RunAsync(CreditService credits, string name, IReadOnlyList<long> accounts, int workers, TimeSpan duration, int seed) =>
        RunAsync((account, request) => credits.DeductAsync(account, request), name, accounts, workers, duration, seed);

    public static async Task<LoadResult> RunAsync(Func<long, DeductRequest, Task> deduct, string name, IReadOnlyList<long> accounts, int workers, TimeSpan duration, int seed)
    {
        var errors = new ConcurrentDictionary<string, ErrorSample>();
        var perWorker = new WorkerTally[workers];
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed + w);
            var tally = new WorkerTally();
            perWorker[w] = tally;
            for (var n = 0; Stopwatch.GetTimestamp() < deadline; n++)
            {
                var account = accounts.Count == 1 ? accounts[0] : accounts[random.Next(accounts.Count)];
                var request = new DeductRequest { Operation = Operation, IdempotencyKey = $"bench-{name}-{w}-{n}" };
                var before = Stopwatch.GetTimestamp();
                try
                {
                    await deduct(account, request);
                    tally.Latencies.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
                    tally.Successes++;
                }
                catch (InsufficientCreditsException)
                {
                    tally.Refusals++;
                }
                catch (Exception ex)
                {
                    tally.Errors++;
                    errors.AddOrUpdate(Describe(ex), _ => new ErrorSample(1, ex.ToString()), (_, s) => s with { Count = s.Count + 1 });
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var latencies = perWorker.SelectMany(t => t.Latencies).Order().ToArray();
        return new LoadResult(name, accounts.Count, workers, elapsed, perWorker.Sum(t => t.Successes), perWorker.Sum(t => t.Refusals), perWorker.Sum(t => t.Errors), latencies, errors);
    }

    private static string Describe(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }

        return inner == ex ? $"{ex.GetType().Name}: {ex.Message}" : $"{ex.GetType().Name} <- {inner.GetType().Name}: {inner.Message}";
    }

    private sealed class WorkerTally
    {
        public List<double> Latencies { get; } = new(capacity: 16_384);
        public long Successes { get; set; }
        public long Refusals { get; set; }
        public long Errors { get; set; }
    }
}

internal sealed record ErrorSample(long Count, string Detail);

/// <summary>What one case measured. Latencies are of successful deductions, sorted ascending, in milliseconds.</summary>
internal sealed record LoadResult(
    string Name,
    int Accounts,
    int Workers,
    TimeSpan Elapsed,
    long Successes,
    long Refusals,
    long Errors,
    double[] Latencies,
    IReadOnlyDictionary<string, ErrorSample> ErrorsByKind)
{
    public double PerSecond => Successes / Elapsed.TotalSeconds;

    /// <summary>Nearest-rank percentile; NaN when nothing succeeded.</summary>
    public double Percentile(double p) =>
        Latencies.Length == 0 ? double.NaN : Latencies[Math.Clamp((int)Math.Ceiling(p / 100 * Latencies.Length) - 1, 0, Latencies.Length - 1)];
}
