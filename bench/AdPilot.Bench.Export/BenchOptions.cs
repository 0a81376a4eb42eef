using System.Globalization;

namespace AdPilot.Bench.Export;

/// <summary>--rows N (metric rows), --creatives-mb N (total size of creatives), --file-mb N (size of each).</summary>
internal sealed record BenchOptions(int Rows, int CreativesMb, int FileMb)
{
    public static BenchOptions Parse(string[] args)
    {
        int Value(string name, int fallback) =>
            Array.IndexOf(args, name) is >= 0 and var i && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(Value("--rows", 2_000_000), Value("--creatives-mb", 1024), Value("--file-mb", 32));
    }
}
