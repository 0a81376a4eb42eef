using System.IO.Compression;
using System.Text;
using System.Text.Json;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AdPilot.Core.Export;

/// <summary>
/// Writes one table of the user's rows into the ZIP as it reads them (no-tracking, streamed), as a JSON array of
/// objects (<c>data/{Table}.json</c>) and/or CSV (<c>data/{Table}.csv</c>). Nothing larger than one row is held.
/// </summary>
internal static class ExportTables
{
    private const int FlushAt = 64 * 1024;

    public static async Task<long> WriteJsonAsync(ZipArchive zip, string path, AppDbContext db, UserTable table, long userId, CancellationToken ct)
    {
        var columns = UserDataModel.ExportedProperties(table.Type);
        await using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        long rows = 0;
        await foreach (var row in UserDataModel.Rows(db, table, userId, columns).AsAsyncEnumerable().WithCancellation(ct))
        {
            WriteObject(json, columns, row);
            rows++;
            if (json.BytesPending > FlushAt)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
        await json.FlushAsync(ct);
        return rows;
    }

    public static void WriteObject(Utf8JsonWriter json, IReadOnlyList<IProperty> columns, object?[] row)
    {
        json.WriteStartObject();
        for (var i = 0; i < columns.Count; i++)
        {
            json.WritePropertyName(columns[i].Name);
            ExportValues.WriteJson(json, row[i]);
        }

        json.WriteEndObject();
    }

    public static async Task<long> WriteCsvAsync(ZipArchive zip, string path, AppDbContext db, UserTable table, long userId, CancellationToken ct)
    {
        var columns = UserDataModel.ExportedProperties(table.Type);
        await using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        await using var csv = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024) { NewLine = "\r\n" };
        await csv.WriteLineAsync(string.Join(',', columns.Select(c => c.Name)));
        long rows = 0;
        var line = new StringBuilder();
        await foreach (var row in UserDataModel.Rows(db, table, userId, columns).AsAsyncEnumerable().WithCancellation(ct))
        {
            line.Clear();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == 0 ? "" : ",").Append(ExportValues.Csv(row[i]));
            }

            await csv.WriteLineAsync(line, ct);
            rows++;
        }

        return rows;
    }
}
