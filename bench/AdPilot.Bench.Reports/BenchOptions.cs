using System.Globalization;

namespace AdPilot.Bench.Reports;

/// <summary>
/// Command line: <c>--accounts N</c> (20) × 25 campaigns × 4 ad sets × 2 ads × <c>--days N</c> (500) ad-day rows,
/// <c>--iterations N</c> (20) timed calls per case after <c>--warmup N</c> (3), <c>--providers sqlite,mysql</c>,
/// <c>--host PATH</c> (the AdPilot.Web.dll to measure through HTTP; HTTP is skipped without it).
/// </summary>
internal sealed record BenchOptions(int Accounts, int Days, int Iterations, int Warmup, IReadOnlyList<string> Providers, string? Host)
{
    public const string Usage = "usage: AdPilot.Bench.Reports [--accounts N (20)] [--days N (500)] [--iterations N (20)] [--warmup N (3)] [--providers sqlite,mysql] [--host path/AdPilot.Web.dll]";

    public long Rows => (long)Accounts * BenchSeed.AdsPerAccount * Days;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions(20, 500, 20, 3, ["sqlite", "mysql"], null);
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                throw new ArgumentException($"{name} needs a value.");
            }

            var value = args[i + 1];
            int Number() => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs a positive whole number.");
            options = name switch
            {
                "--accounts" => options with { Accounts = Number() },
                "--days" => options with { Days = Number() },
                "--iterations" => options with { Iterations = Number() },
                "--warmup" => options with { Warmup = Number() },
                "--providers" => options with { Providers = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--host" => options with { Host = value },
                _ => throw new ArgumentException($"Unknown option: {name}."),
            };
        }

        return options;
    }
}
