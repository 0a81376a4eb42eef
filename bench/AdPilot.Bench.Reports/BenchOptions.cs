using System.Globalization;

namespace AdPilot.Bench.Reports;

/// <summary>
/// Command line: <c>--accounts N</c> (20) × 25 campaigns × 4 ad sets × 2 ads × <c>--days N</c> (500) ad-day rows,
/// <c>--iterations N</c> (20) timed calls per case after <c>--warmup N</c> (3) untimed ones, each process first warmed by
/// at least <c>--warmup-rounds N</c> (30) rounds of every case until a round stops getting faster (or <c>--warmup-seconds N</c>,
/// 180, have passed), <c>--providers sqlite,mysql</c>, <c>--queries summary,metrics,breakdown</c>, <c>--windows 7,30,90,365</c>,
/// <c>--host PATH</c> (the AdPilot.Web.dll to measure through HTTP; HTTP is skipped without it) and <c>--host-before PATH</c>
/// (another build, e.g. the previous commit's, measured the same way for a before/after column), <c>--mcp true</c> (also
/// time read tools through a real MCP client against the host, beside the same queries through /api/v1).
/// </summary>
internal sealed record BenchOptions(
    int Accounts, int Days, int Iterations, int Warmup, int WarmupRounds, int WarmupSeconds, IReadOnlyList<string> Providers,
    IReadOnlyList<string> Queries, IReadOnlyList<int> Windows, string? Host, string? HostBefore, bool Mcp = false, bool Agent = false)
{
    public const string Usage = "usage: AdPilot.Bench.Reports [--accounts N (20)] [--days N (500)] [--iterations N (20)] [--warmup N (3)] "
        + "[--warmup-rounds N (30)] [--warmup-seconds N (180)] [--providers sqlite,mysql] [--queries summary,metrics,breakdown] "
        + "[--windows 7,30,90,365] [--host path/AdPilot.Web.dll] [--host-before path/AdPilot.Web.dll] [--mcp true] [--agent true]";

    public long Rows => (long)Accounts * BenchSeed.AdsPerAccount * Days;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(20, 500, 20, 3, 30, 180, ["sqlite", "mysql"], ["summary", "metrics", "breakdown"], [7, 30, 90, 365], null, null);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[i + 1];
            int Number(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs positive whole numbers.");
            string[] List() => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            options = name switch
            {
                "--accounts" => options with { Accounts = Number(value) },
                "--days" => options with { Days = Number(value) },
                "--iterations" => options with { Iterations = Number(value) },
                "--warmup" => options with { Warmup = Number(value) },
                "--warmup-rounds" => options with { WarmupRounds = Number(value) },
                "--warmup-seconds" => options with { WarmupSeconds = Number(value) },
                "--providers" => options with { Providers = List() },
                "--queries" => options with { Queries = List() },
                "--windows" => options with { Windows = [.. List().Select(Number)] },
                "--host" => options with { Host = value },
                "--host-before" => options with { HostBefore = value },
                "--mcp" => options with { Mcp = value == "true" },
                "--agent" => options with { Agent = value == "true" },
                _ => throw new ArgumentException($"Unknown option: {name}."),
            };
        }

        return options;
    }
}
