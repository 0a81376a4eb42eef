using System.IO.Compression;
using System.Text.Json;
using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AdPilot.Core.Export;

/// <summary>
/// <c>campaigns.json</c>: the friendlier nested view (campaigns with their ad sets and ads), beside the flat tables.
/// Read a batch of campaigns at a time, so a large account never sits in memory.
/// </summary>
internal static class ExportCampaigns
{
    private const int Batch = 100;

    public static async Task WriteAsync(ZipArchive zip, string path, AppDbContext db, IReadOnlyList<UserTable> tables, long userId, CancellationToken ct)
    {
        var campaigns = tables.Single(t => t.Type.ClrType == typeof(Campaign));
        var adSets = tables.Single(t => t.Type.ClrType == typeof(AdSet));
        var ads = tables.Single(t => t.Type.ClrType == typeof(Ad));
        var (campaignColumns, adSetColumns, adColumns) =
            (UserDataModel.ExportedProperties(campaigns.Type), UserDataModel.ExportedProperties(adSets.Type), UserDataModel.ExportedProperties(ads.Type));
        var campaignId = campaigns.Type.FindPrimaryKey()!.Properties[0];
        var ids = (await UserDataModel.Rows(db, campaigns, userId, [campaignId]).ToListAsync(ct)).Select(r => (long)r[0]!).ToList();

        await using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var chunk in ids.Chunk(Batch))
        {
            var campaignRows = await UserDataModel.RowsWhere(db, campaigns, userId, campaignColumns, campaignId, chunk).ToListAsync(ct);
            var adSetRows = await UserDataModel.RowsWhere(db, adSets, userId, adSetColumns, adSets.Type.FindProperty(nameof(AdSet.CampaignId))!, chunk).ToListAsync(ct);
            var adSetIdIndex = Index(adSetColumns, nameof(AdSet.Id));
            var adRows = await UserDataModel.RowsWhere(db, ads, userId, adColumns, ads.Type.FindProperty(nameof(Ad.AdSetId))!,
                adSetRows.Select(r => (long)r[adSetIdIndex]!).ToList()).ToListAsync(ct);
            var adSetsByCampaign = adSetRows.ToLookup(r => (long)r[Index(adSetColumns, nameof(AdSet.CampaignId))]!);
            var adsByAdSet = adRows.ToLookup(r => (long)r[Index(adColumns, nameof(Ad.AdSetId))]!);
            foreach (var campaign in campaignRows.OrderBy(r => (long)r[Index(campaignColumns, nameof(Campaign.Id))]!))
            {
                WriteWithChildren(json, campaignColumns, campaign, "adSets",
                    adSetsByCampaign[(long)campaign[Index(campaignColumns, nameof(Campaign.Id))]!],
                    adSet => WriteWithChildren(json, adSetColumns, adSet, "ads", adsByAdSet[(long)adSet[adSetIdIndex]!],
                        ad => ExportTables.WriteObject(json, adColumns, ad)));
            }

            await json.FlushAsync(ct);
        }

        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    private static void WriteWithChildren(Utf8JsonWriter json, IReadOnlyList<IProperty> columns, object?[] row, string childName, IEnumerable<object?[]> children, Action<object?[]> writeChild)
    {
        json.WriteStartObject();
        for (var i = 0; i < columns.Count; i++)
        {
            json.WritePropertyName(columns[i].Name);
            ExportValues.WriteJson(json, row[i]);
        }

        json.WriteStartArray(childName);
        foreach (var child in children)
        {
            writeChild(child);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static int Index(IReadOnlyList<IProperty> columns, string name) => columns.Select((c, i) => (c, i)).Single(x => x.c.Name == name).i;
}
