using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using AdPilot.Core.Reports;

namespace AdPilot.Core.Export;

/// <summary>How a column's value is written: JSON (enums as names, dates ISO 8601) and CSV (invariant culture, formulas defused).</summary>
internal static class ExportValues
{
    public static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        JsonSerializer.Serialize(writer, value, value.GetType(), Json);
    }

    public static string Csv(object? value) => value switch
    {
        null => "",
        string s => ReportCsv.Quote(s),
        DateTime d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture), // numbers and enums: no comma, and a minus sign stays a number
        var other => ReportCsv.Quote(other.ToString() ?? ""),
    };
}
