namespace AdPilot.Core.Platforms.TikTok;

/// <summary>One ad's review from <c>ad/review_info/</c>: the rejection entries with their reasons and suggestions.</summary>
internal sealed record TikTokAdReviewInfo(string? AdId, bool? IsApproved, string? ReviewStatus, List<TikTokRejectInfo>? RejectInfo);

internal sealed record TikTokRejectInfo(List<string>? Reasons, string? Suggestion);

internal sealed record TikTokReviewData(Dictionary<string, TikTokAdReviewInfo>? AdReviewMap);

/// <summary>
/// TikTok's review state: the ad's <c>secondary_status</c> (<c>AD_STATUS_AUDIT</c>/<c>AD_STATUS_REAUDIT</c> under review,
/// <c>AD_STATUS_AUDIT_DENY</c> rejected); the reasons of rejected ads come from <c>ad/review_info/</c>.
/// </summary>
internal static class TikTokReview
{
    public const string Denied = "AD_STATUS_AUDIT_DENY";

    public static PlatformAdReview Map(string? secondaryStatus, TikTokAdReviewInfo? info) => secondaryStatus switch
    {
        Denied => new(PlatformReviewStatus.Rejected, Reason(info) ?? "TikTok rejected the ad in review (no reason was given)."),
        "AD_STATUS_AUDIT" or "AD_STATUS_REAUDIT" => new(PlatformReviewStatus.Pending),
        "AD_STATUS_DELIVERY_OK" or "AD_STATUS_DISABLE" or "AD_STATUS_NOT_START" or "AD_STATUS_DONE" or "AD_STATUS_BALANCE_EXCEED"
            or "AD_STATUS_BUDGET_EXCEED" or "AD_STATUS_CAMPAIGN_DISABLE" or "AD_STATUS_ADGROUP_DISABLE" => new(PlatformReviewStatus.Approved),
        _ => PlatformAdReview.Unknown,
    };

    private static string? Reason(TikTokAdReviewInfo? info)
    {
        var parts = (info?.RejectInfo ?? [])
            .SelectMany(r => (r.Reasons ?? []).Concat(r.Suggestion is { Length: > 0 } s ? [$"Suggestion: {s}"] : []))
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct().ToList();
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }
}
