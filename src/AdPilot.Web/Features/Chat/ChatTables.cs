using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.Reports;
using AdPilot.Web.Features.Agent;

namespace AdPilot.Web.Features.Chat;

/// <summary>A chat table's sorting (numbers as numbers, empty cells last) and its CSV (as the reports' export: RFC 4180, formulas defused).</summary>
public static class ChatTables
{
    public static IReadOnlyList<IReadOnlyList<JsonNode?>> Sort(IReadOnlyList<IReadOnlyList<JsonNode?>> rows, int column, bool descending)
    {
        var keyed = rows.Select(r => (Row: r, Key: Key(column < r.Count ? r[column] : null))).ToList();
        var present = keyed.Where(k => k.Key is not null);
        var sorted = descending
            ? present.OrderByDescending(k => k.Key, CellComparer.Instance)
            : present.OrderBy(k => k.Key, CellComparer.Instance);
        return sorted.Concat(keyed.Where(k => k.Key is null)).Select(k => k.Row).ToList();
    }

    /// <summary>True when every filled cell of the column is a number (it is right-aligned and sorts numerically).</summary>
    public static bool IsNumeric(IReadOnlyList<IReadOnlyList<JsonNode?>> rows, int column) =>
        rows.Select(r => column < r.Count ? r[column] : null).Where(c => c is not null).All(c => Number(c) is not null);

    /// <summary>A cell as the reader sees it: whole numbers with separators, amounts with two decimals, small ratios with up to four.</summary>
    public static string Display(JsonNode? cell) => Number(cell) is { } n
        ? n.ToString(n == decimal.Truncate(n) ? "N0" : Math.Abs(n) >= 1 ? "#,0.00" : "0.####", CultureInfo.CurrentCulture)
        : cell switch
        {
            null => "—",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => cell.ToJsonString(),
        };

    public static string Csv(TableSpec table)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Columns.Select(ReportCsv.Quote)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>A file name from the table's title: letters, digits and dashes only.</summary>
    public static string FileName(string title, string extension)
    {
        var slug = new string(title.Trim().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"{(slug.Length == 0 ? "adpilot-table" : slug[..Math.Min(slug.Length, 60)])}.{extension}";
    }

    private static string Cell(JsonNode? cell) => cell switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.TryGetValue<string>(out var s) => ReportCsv.Quote(s),
        _ => ReportCsv.Quote(cell.ToJsonString()),
    };

    /// <summary>A JSON number, or text that is one in invariant notation ("12.5"); whatever .NET type the cell was built from.</summary>
    private static decimal? Number(JsonNode? cell)
    {
        var text = cell is JsonValue v ? v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : v.TryGetValue<string>(out var s) ? s : null : null;
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    private static IComparable? Key(JsonNode? cell) => Number(cell) is { } n ? n
        : cell switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrEmpty(s) ? null : s,
            JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
            _ => cell.ToJsonString(),
        };

    /// <summary>Numbers before text; numbers by value, text by the reader's culture.</summary>
    private sealed class CellComparer : IComparer<IComparable?>
    {
        public static readonly CellComparer Instance = new();

        public int Compare(IComparable? x, IComparable? y) => (x, y) switch
        {
            (decimal a, decimal b) => a.CompareTo(b),
            (decimal, _) => -1,
            (_, decimal) => 1,
            _ => string.Compare(x?.ToString(), y?.ToString(), CultureInfo.CurrentCulture, CompareOptions.IgnoreCase),
        };
    }
}
