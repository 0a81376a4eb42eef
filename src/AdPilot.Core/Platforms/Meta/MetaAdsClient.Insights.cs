using System.Globalization;
using System.Text.Json;

namespace AdPilot.Core.Platforms.Meta;

public sealed partial class MetaAdsClient
{
    public async Task<IReadOnlyList<PlatformInsightRow>> GetDailyInsightsAsync(PlatformAccess access, InsightsQuery query, CancellationToken ct)
    {
        var range = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["since"] = query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["until"] = query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        var rows = await GetAllAsync<MetaInsightDto>($"{MetaMapping.AccountPath(access.AccountId)}/insights", access.AccessToken,
        [
            P("level", MetaMapping.Level(query.Level)),
            P("time_range", range),
            P("time_increment", "1"),
            P("fields", "campaign_id,adset_id,ad_id,account_currency,spend,impressions,clicks,actions,action_values,purchase_roas"),
        ], ct);
        return [.. rows.Select(r => new PlatformInsightRow(
            DateOnly.ParseExact(r.DateStart ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.CampaignId, r.AdsetId, r.AdId,
            r.Spend ?? 0, r.Impressions ?? 0, r.Clicks ?? 0,
            (long)MetaMapping.Purchases(r.Actions), MetaMapping.Purchases(r.ActionValues),
            r.AccountCurrency ?? ""))];
    }

    /// <summary>Images go to <c>adimages</c> (returns the hash), videos to <c>advideos</c> (returns the video id).</summary>
    public async Task<string> UploadCreativeAsync(PlatformAccess access, CreativeUpload upload, CancellationToken ct)
    {
        var file = new ReadOnlyMemoryContent(upload.Content);
        file.Headers.ContentType = PlatformHttp.ContentType(upload.ContentType);
        var account = MetaMapping.AccountPath(access.AccountId);
        using var form = new MultipartFormDataContent();
        if (upload.Kind == CreativeMediaKind.Video)
        {
            form.Add(file, "source", upload.FileName);
            form.Add(new StringContent(upload.FileName), "name");
            var video = await SendAsync<MetaId>(HttpMethod.Post, $"{account}/advideos", access.AccessToken, null, ct, form);
            return video.Id;
        }

        form.Add(file, "filename", upload.FileName);
        var images = await SendAsync<JsonElement>(HttpMethod.Post, $"{account}/adimages", access.AccessToken, null, ct, form);
        // {"images": {"<file name>": {"hash": "...", "url": "..."}}}
        foreach (var image in images.GetProperty("images").EnumerateObject())
        {
            if (image.Value.TryGetProperty("hash", out var hash) && hash.GetString() is { Length: > 0 } value)
            {
                return value;
            }
        }

        throw new PlatformException(PlatformErrorKind.Transient, "Meta returned no image hash.");
    }
}
