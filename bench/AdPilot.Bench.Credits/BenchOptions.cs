using System.Globalization;

namespace AdPilot.Bench.Credits;

/// <summary>
/// Command line: <c>--seconds N</c> per case, <c>--workers N</c>, <c>--accounts N</c> (spread case), <c>--warmup N</c> seconds,
/// <c>--seed N</c>, <c>--host PATH</c> (an AdPilot.Web.dll: the same cases are then also run end to end through its MCP server).
/// </summary>
internal sealed record BenchOptions(int Seconds, int Workers, int Accounts, int WarmupSeconds, int Seed, string? Host = null)
{
    public const string Usage = "usage: AdPilot.Bench.Credits [--seconds N (15)] [--workers N (32)] [--accounts N (1000)] [--warmup N (2)] [--seed N (42)] [--host path/AdPilot.Web.dll]";

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(Seconds: 15, Workers: 32, Accounts: 1000, WarmupSeconds: 2, Seed: 42);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--host" && i + 1 < args.Count)
            {
                options = options with { Host = args[++i] };
                continue;
            }

            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                throw new ArgumentException($"{name} needs a non-negative whole number.");
            }

            i++;
            options = name switch
            {
                "--seconds" when value > 0 => options with { Seconds = value },
                "--workers" when value > 0 => options with { Workers = value },
                "--accounts" when value > 0 => options with { Accounts = value },
                "--warmup" => options with { WarmupSeconds = value },
                "--seed" => options with { Seed = value },
                _ => throw new ArgumentException($"Unknown option or value out of range: {name} {value}."),
            };
        }

        return options;
    }
}
