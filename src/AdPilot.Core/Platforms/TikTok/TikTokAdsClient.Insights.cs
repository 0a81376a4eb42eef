using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace AdPilot.Core.Platforms.TikTok;

public sealed partial class TikTokAdsClient
{
    private static readonly string[] ReportMetrics = ["spend", "impressions", "clicks", "conversion", "total_complete_payment_rate", "currency"];

    /// <summary>BASIC synchronous report, one row per entity and <c>stat_time_day</c>, every page read.</summary>
    public async Task<IReadOnlyList<PlatformInsightRow>> GetDailyInsightsAsync(PlatformAccess access, InsightsQuery query, CancellationToken ct)
    {
        var idDimension = TikTokMapping.IdDimension(query.Level);
        // Parent ids are attribute metrics below the campaign level.
        string[] parents = query.Level switch
        {
            PlatformLevel.AdSet => ["campaign_id"],
            PlatformLevel.Ad => ["campaign_id", "adgroup_id"],
            _ => [],
        };
        var rows = await GetAllAsync<TikTokReportRow>("report/integrated/get/", access.AccessToken,
        [
            P("advertiser_id", access.AccountId),
            P("report_type", "BASIC"),
            P("data_level", TikTokMapping.DataLevel(query.Level)),
            P("dimensions", Json(new[] { idDimension, "stat_time_day" })),
            P("metrics", Json(ReportMetrics.Concat(parents))),
            P("start_date", query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            P("end_date", query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ], ct, pageSize: 1000);
        return [.. rows.Select(r => Row(r, query.Level))];
    }

    public async Task<string> UploadCreativeAsync(PlatformAccess access, CreativeUpload upload, CancellationToken ct)
    {
        var video = upload.Kind == CreativeMediaKind.Video;
        var file = new ReadOnlyMemoryContent(upload.Content);
        file.Headers.ContentType = PlatformHttp.ContentType(upload.ContentType);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(access.AccountId), "advertiser_id" },
            { new StringContent("UPLOAD_BY_FILE"), "upload_type" },
            { new StringContent(Md5Hex(upload.Content.Span)), video ? "video_signature" : "image_signature" },
            { file, video ? "video_file" : "image_file", upload.FileName },
        };
        var data = await SendAsync<JsonElement>(HttpMethod.Post, video ? "file/video/ad/upload/" : "file/image/ad/upload/", access.AccessToken, form, ct);
        // Images answer {"image_id": ...}; videos a list of {"video_id": ...}.
        var item = data.ValueKind == JsonValueKind.Array ? data.EnumerateArray().FirstOrDefault() : data;
        var name = video ? "video_id" : "image_id";
        return item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var id) && id.GetString() is { Length: > 0 } value
            ? value
            : throw new PlatformException(PlatformErrorKind.Transient, $"TikTok returned no {name}.");
    }

    private static PlatformInsightRow Row(TikTokReportRow row, PlatformLevel level)
    {
        var dimensions = row.Dimensions ?? [];
        var metrics = row.Metrics ?? [];
        string? Id(string name) => dimensions.GetValueOrDefault(name) ?? (metrics.TryGetValue(name, out var m) ? Text(m) : null);
        var day = (dimensions.GetValueOrDefault("stat_time_day") ?? "")[..10];
        return new PlatformInsightRow(
            DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            level >= PlatformLevel.Campaign ? Id("campaign_id") : null,
            level >= PlatformLevel.AdSet ? Id("adgroup_id") : null,
            level == PlatformLevel.Ad ? Id("ad_id") : null,
            Number(metrics, "spend"),
            (long)Number(metrics, "impressions"),
            (long)Number(metrics, "clicks"),
            (long)Number(metrics, "conversion"),
            Number(metrics, "total_complete_payment_rate"),
            metrics.TryGetValue("currency", out var currency) ? Text(currency) ?? "" : "");
    }

    private static decimal Number(Dictionary<string, JsonElement> metrics, string name) =>
        metrics.TryGetValue(name, out var value) && decimal.TryParse(Text(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

#pragma warning disable CA5351 // TikTok's upload API defines the file signature as MD5; it is an integrity check, not security.
    private static string Md5Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(MD5.HashData(content));
#pragma warning restore CA5351
}
