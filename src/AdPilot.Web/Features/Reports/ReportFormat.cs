using System.Globalization;

namespace AdPilot.Web.Features.Reports;

/// <summary>How report numbers read: money with its currency, ratios, percentages, "—" for a missing ratio.</summary>
internal static class ReportFormat
{
    public static string Money(decimal? value, string currency) =>
        value is { } v ? string.Create(CultureInfo.CurrentCulture, $"{v:N2} {currency}") : "—";

    public static string Roas(decimal? value) => value is { } v ? string.Create(CultureInfo.CurrentCulture, $"{v:0.00}×") : "—";

    public static string Percent(decimal? value) => value is { } v ? string.Create(CultureInfo.CurrentCulture, $"{v * 100:0.00}%") : "—";

    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Change(decimal? percent) =>
        percent is { } p ? string.Create(CultureInfo.CurrentCulture, $"{(p > 0 ? "+" : "")}{p:0.#}%") : "—";

    /// <summary>Green when the change is good for the metric: up for spend-neutral metrics like ROAS, down for CPA.</summary>
    public static MudBlazor.Color ChangeColor(decimal? percent, bool lowerIsBetter) => percent switch
    {
        null or 0 => MudBlazor.Color.Default,
        > 0 => lowerIsBetter ? MudBlazor.Color.Error : MudBlazor.Color.Success,
        _ => lowerIsBetter ? MudBlazor.Color.Success : MudBlazor.Color.Error,
    };
}
