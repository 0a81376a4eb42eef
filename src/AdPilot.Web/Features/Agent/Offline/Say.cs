using System.Globalization;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Numbers as the answers show them: amounts in their currency, ratios as percentages, changes with a sign. Invariant culture, so answers are the same on every server.</summary>
internal static class Say
{
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = "$", ["EUR"] = "€", ["GBP"] = "£", ["CNY"] = "¥", ["JPY"] = "¥", ["AUD"] = "A$", ["CAD"] = "C$", ["HKD"] = "HK$", ["SGD"] = "S$", ["INR"] = "₹",
    };

    private static readonly string[] NoDecimals = ["JPY", "KRW", "VND", "CLP", "ISK"];

    public static string Money(decimal? value, string currency)
    {
        if (value is not { } v)
        {
            return "–";
        }

        var number = Math.Abs(v).ToString(NoDecimals.Contains(currency.ToUpperInvariant()) ? "N0" : "N2", CultureInfo.InvariantCulture);
        var sign = v < 0 ? "-" : "";
        return Symbols.TryGetValue(currency, out var symbol) ? $"{sign}{symbol}{number}" : $"{sign}{number} {currency.ToUpperInvariant()}";
    }

    public static string Count(decimal? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "–";

    /// <summary>A fraction as a percentage: 0.0123 is 1.23%.</summary>
    public static string Percent(decimal? fraction) => fraction is { } f ? (f * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>A % change with its sign: +12.5%, -3%; "–" when there was nothing to compare with.</summary>
    public static string Change(decimal? percent) => percent is { } p ? (p > 0 ? "+" : "") + p.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "–";

    public static string Ratio(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    public static string Metric(string metric, decimal? value, string currency) => metric switch
    {
        "spend" or "revenue" or "cpa" or "cpc" => Money(value, currency),
        "ctr" or "cvr" => Percent(value),
        "roas" => Ratio(value),
        _ => Count(value),
    };

    /// <summary>The % change from before to now; null when before is 0 or missing.</summary>
    public static decimal? ChangeOf(decimal? now, decimal? before) =>
        now is { } n && before is { } b && b != 0 ? Math.Round((n - b) / b * 100, 1, MidpointRounding.AwayFromZero) : null;

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Range(DateRange range) => range.ToString();

    public static string Quote(string name, bool zh) => zh ? $"「{name}」" : $"\"{name}\"";
}
