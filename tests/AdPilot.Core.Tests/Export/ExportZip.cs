using AdPilot.Core.Tests.Support;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace AdPilot.Core.Tests.Export;

/// <summary>Reads what tests check in an export ZIP.</summary>
internal static class ExportZip
{
    public static byte[] Bytes(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"{path} is not in the export; it has {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string Text(ZipArchive zip, string path) => Encoding.UTF8.GetString(Bytes(zip, path));

    /// <summary>The primary-key values (joined with |) of every row in <c>data/{table}.json</c> or, failing that, <c>.csv</c>.</summary>
    public static List<string> Keys(ZipArchive zip, string table, IReadOnlyList<string> keyColumns)
    {
        if (zip.GetEntry($"data/{table}.json") is not null)
        {
            using var json = JsonDocument.Parse(Bytes(zip, $"data/{table}.json"));
            return [.. json.RootElement.EnumerateArray().Select(row => string.Join("|", keyColumns.Select(k => Scalar(row.GetProperty(k)))))];
        }

        var lines = Text(zip, $"data/{table}.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',').ToList();
        return [.. lines.Skip(1).Select(line => line.Split(',')).Select(cells => string.Join("|", keyColumns.Select(k => cells[header.IndexOf(k)])))];
    }

    private static string Scalar(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
