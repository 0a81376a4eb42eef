using System.Globalization;
using System.Text;

namespace AdPilot.Core.Reports;

/// <summary>CSV (RFC 4180, invariant culture, empty cell for a null ratio) of a breakdown or a series.</summary>
public static class ReportCsv
{
    private const string MetricHeader = "currency,spend,impressions,clicks,conversions,revenue,ctr,cpc,cpa,roas";

    public static string Breakdown(BreakdownReport report)
    {
        var csv = new StringBuilder("type,id,name,status,").Append(MetricHeader).Append("\r\n");
        foreach (var r in report.Rows)
        {
            csv.Append(r.EntityType).Append(',').Append(r.Id.ToString(CultureInfo.InvariantCulture)).Append(',').Append(Quote(r.Name)).Append(',')
                .Append(r.Status).Append(',');
            Metrics(csv, r.Currency, r.Spend, r.Impressions, r.Clicks, r.Conversions, r.Revenue, r.Ctr, r.Cpc, r.Cpa, r.Roas);
        }

        return csv.ToString();
    }

    public static string Series(MetricsReport report)
    {
        var csv = new StringBuilder("period,").Append(MetricHeader).Append("\r\n");
        foreach (var series in report.Series)
        {
            foreach (var p in series.Points)
            {
                csv.Append(p.Period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',');
                Metrics(csv, series.Currency, p.Spend, p.Impressions, p.Clicks, p.Conversions, p.Revenue, p.Ctr, p.Cpc, p.Cpa, p.Roas);
            }
        }

        return csv.ToString();
    }

    private static void Metrics(StringBuilder csv, string currency, decimal spend, long impressions, long clicks, long conversions, decimal revenue,
        decimal? ctr, decimal? cpc, decimal? cpa, decimal? roas) =>
        csv.AppendJoin(',', currency, Num(spend), Num(impressions), Num(clicks), Num(conversions), Num(revenue), Num(ctr), Num(cpc), Num(cpa), Num(roas)).Append("\r\n");

    private static string Num(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>A text cell: quoted when needed, and spreadsheet formulas defused (a value starting with = + - @, a tab or a carriage return).</summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
