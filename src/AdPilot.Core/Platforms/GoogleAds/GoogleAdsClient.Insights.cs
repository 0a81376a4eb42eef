using System.Globalization;

namespace AdPilot.Core.Platforms.GoogleAds;

public sealed partial class GoogleAdsClient
{
    public async Task<IReadOnlyList<PlatformInsightRow>> GetDailyInsightsAsync(PlatformAccess access, InsightsQuery query, CancellationToken ct)
    {
        var (ids, resource) = query.Level switch
        {
            PlatformLevel.Account => ("customer.id", "customer"),
            PlatformLevel.Campaign => ("campaign.id", "campaign"),
            PlatformLevel.AdSet => ("campaign.id, ad_group.id", "ad_group"),
            _ => ("campaign.id, ad_group.id, ad_group_ad.ad.id", "ad_group_ad"),
        };
        var from = query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = await SearchAsync(access,
            $"SELECT {ids}, segments.date, customer.currency_code, metrics.cost_micros, metrics.impressions, metrics.clicks, metrics.conversions, "
            + $"metrics.conversions_value FROM {resource} WHERE segments.date BETWEEN '{from}' AND '{to}'", ct);
        return [.. rows.Select(r => new PlatformInsightRow(
            DateOnly.ParseExact(r.Segments?.Date ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Campaign?.Id is { } c ? Id(c) : null,
            r.AdGroup?.Id is { } g ? Id(g) : null,
            r.AdGroupAd?.Ad?.Id is { } a && r.AdGroup?.Id is { } ag ? $"{Id(ag)}~{Id(a)}" : null,
            GoogleAdsMapping.FromMicros(r.Metrics?.CostMicros),
            r.Metrics?.Impressions ?? 0,
            r.Metrics?.Clicks ?? 0,
            (long)Math.Round(r.Metrics?.Conversions ?? 0, MidpointRounding.AwayFromZero),
            (decimal)(r.Metrics?.ConversionsValue ?? 0),
            r.Customer?.CurrencyCode ?? ""))];
    }

    /// <summary>Images become image assets; Google Ads videos must be on YouTube, so they cannot be uploaded here.</summary>
    public async Task<string> UploadCreativeAsync(PlatformAccess access, CreativeUpload upload, CancellationToken ct)
    {
        if (upload.Kind == CreativeMediaKind.Video)
        {
            throw new PlatformException(PlatformErrorKind.Validation, "Google Ads takes videos as YouTube links, not uploads.");
        }

        var asset = new Dictionary<string, object>
        {
            ["name"] = upload.FileName,
            ["type"] = "IMAGE",
            ["imageAsset"] = new Dictionary<string, string> { ["data"] = Convert.ToBase64String(upload.Content.Span) },
        };
        return (await MutateAsync(access, "assets", [new { create = asset }], ct)).Single();
    }
}
