using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// Why a metric changed, as a product of factors that each moved: CPA = CPC ÷ CVR, CPC = CPM ÷ CTR,
/// ROAS = AOV × CVR ÷ CPC, conversions = clicks × CVR, clicks = impressions × CTR… Each factor's share of the change is
/// its log change (times its exponent), so the shares add up to the metric's own log change exactly.
/// </summary>
internal static class Decomposition
{
    public static readonly IReadOnlyDictionary<string, (string Factor, int Power)[]> Factors = new Dictionary<string, (string, int)[]>
    {
        ["cpa"] = [("cpc", 1), ("cvr", -1)],
        ["roas"] = [("cpc", -1), ("cvr", 1), ("aov", 1)],
        ["cpc"] = [("cpm", 1), ("ctr", -1)],
        ["conversions"] = [("clicks", 1), ("cvr", 1)],
        ["revenue"] = [("conversions", 1), ("aov", 1)],
        ["clicks"] = [("impressions", 1), ("ctr", 1)],
        ["spend"] = [("impressions", 1), ("cpm", 1)],
        ["ctr"] = [("clicks", 1), ("impressions", -1)],
        ["cvr"] = [("conversions", 1), ("clicks", -1)],
    };

    /// <summary>A metric or factor of a totals object: the report's metrics plus CPM (per 1,000 impressions) and AOV (revenue per conversion).</summary>
    public static decimal? Value(JsonElement totals, string name) => name switch
    {
        "cpm" => totals.Long("impressions") is > 0 and var i ? totals.Dec("spend") * 1000 / i : null,
        "aov" => totals.Long("conversions") is > 0 and var c ? totals.Dec("revenue") / c : null,
        _ => totals.Metric(name),
    };

    /// <summary>Each factor with its change and its share of the metric's change (log points); null when a value is missing or 0.</summary>
    public static IReadOnlyList<Part>? Explain(string metric, JsonElement now, JsonElement before)
    {
        if (!Factors.TryGetValue(metric, out var factors))
        {
            return null;
        }

        var parts = new List<Part>();
        foreach (var (factor, power) in factors)
        {
            var (x, y) = (Value(now, factor), Value(before, factor));
            if (x is not > 0 || y is not > 0)
            {
                return null;
            }

            parts.Add(new Part(factor, power, y.Value, x.Value, power * Math.Log((double)(x.Value / y.Value))));
        }

        return parts;
    }

    /// <summary>One factor: before and now, and its effect on the metric in log points (positive pushes the metric up).</summary>
    internal sealed record Part(string Factor, int Power, decimal Before, decimal Now, double Effect)
    {
        public decimal? Change => Say.ChangeOf(Now, Before);
    }

    public static string Name(string factor, bool zh) => factor switch
    {
        "cpm" => zh ? "千次展示成本 (CPM)" : "CPM",
        "aov" => zh ? "客单价 (AOV)" : "revenue per conversion (AOV)",
        _ => Names.Metric(factor, zh),
    };

    public static string Format(string factor, decimal? value, string currency) => factor switch
    {
        "cpm" or "aov" => Say.Money(value, currency),
        _ => Say.Metric(factor, value, currency),
    };

    /// <summary>A ratio as numerator ÷ denominator, to tell how much each campaign moved it; an additive metric is its own numerator.</summary>
    public static (string Numerator, string? Denominator) Ratio(string metric) => metric switch
    {
        "cpa" => ("spend", "conversions"),
        "roas" => ("revenue", "spend"),
        "cpc" => ("spend", "clicks"),
        "ctr" => ("clicks", "impressions"),
        "cvr" => ("conversions", "clicks"),
        _ => (metric, null),
    };
}
