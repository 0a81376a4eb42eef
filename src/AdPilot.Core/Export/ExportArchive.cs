using System.IO.Compression;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Core.Storage;

namespace AdPilot.Core.Export;

/// <summary>What went into one export, for the README and the row.</summary>
internal sealed record ExportContents(IReadOnlyList<ExportedTable> Tables, int Files, int MissingFiles);

internal sealed record ExportedTable(UserTable Table, IReadOnlyList<string> Paths, long Rows);

/// <summary>
/// Writes the whole archive: every table that holds the user's data (found by <see cref="UserDataModel"/>), the nested
/// campaigns view, the stored files and the README, reporting progress as each table and file is written.
/// </summary>
internal static class ExportArchive
{
    public const string CampaignsPath = "campaigns.json";

    public static async Task<ExportContents> WriteAsync(
        ZipArchive zip, AppDbContext db, IObjectStorage storage, long userId, Func<string, int, Task> progress, CancellationToken ct)
    {
        var tables = UserDataModel.Tables(db.Model);
        var keys = await ExportFiles.KeysAsync(db, storage, userId, ct);
        // Tables take the first 60 % of the bar, the nested view 5 %, files the rest (by count).
        var exported = new List<ExportedTable>();
        for (var i = 0; i < tables.Count; i++)
        {
            var table = tables[i];
            await progress(table.Name, i * 60 / tables.Count);
            exported.Add(await WriteTableAsync(zip, db, table, userId, ct));
        }

        await progress(CampaignsPath, 60);
        await ExportCampaigns.WriteAsync(zip, CampaignsPath, db, tables, userId, ct);

        var (copied, missing) = (0, 0);
        for (var i = 0; i < keys.Count; i++)
        {
            if (i % 20 == 0)
            {
                await progress("files", 65 + i * 33 / keys.Count);
            }

            _ = await ExportFiles.CopyAsync(zip, storage, keys[i], ct) ? copied++ : missing++;
        }

        var contents = new ExportContents(exported, copied, missing);
        await progress("README.md", 99);
        await using (var readme = zip.CreateEntry("README.md", CompressionLevel.Fastest).Open())
        await using (var writer = new StreamWriter(readme))
        {
            await writer.WriteAsync(ExportReadme.Write(contents));
        }

        return contents;
    }

    private static async Task<ExportedTable> WriteTableAsync(ZipArchive zip, AppDbContext db, UserTable table, long userId, CancellationToken ct)
    {
        var paths = new List<string>();
        long rows = 0;
        if (Format(table) is TableFormat.Json or TableFormat.Both)
        {
            paths.Add($"data/{table.Name}.json");
            rows = await ExportTables.WriteJsonAsync(zip, paths[^1], db, table, userId, ct);
        }

        if (Format(table) is TableFormat.Csv or TableFormat.Both)
        {
            paths.Add($"data/{table.Name}.csv");
            rows = await ExportTables.WriteCsvAsync(zip, paths[^1], db, table, userId, ct);
        }

        return new ExportedTable(table, paths, rows);
    }

    /// <summary>Metrics (per ad per day and their rollups) are tabular and can be millions of rows: CSV only. The ledger: both.</summary>
    public static TableFormat Format(UserTable table) =>
        table.Type.ClrType == typeof(CreditTransaction) ? TableFormat.Both
        : table.Type.ClrType.Namespace == typeof(Reports.ReportMetric).Namespace ? TableFormat.Csv
        : TableFormat.Json;
}

internal enum TableFormat
{
    Json,
    Csv,
    Both,
}
