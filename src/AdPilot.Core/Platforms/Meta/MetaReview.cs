namespace AdPilot.Core.Platforms.Meta;

/// <summary>An ad's <c>ad_review_feedback</c>: disapproval reasons across placements (<c>global</c>) and per placement.</summary>
internal sealed record MetaReviewFeedback(Dictionary<string, string>? Global, Dictionary<string, Dictionary<string, string>>? PlacementSpecific);

/// <summary>Meta's review state: <c>effective_status</c> says where the ad stands, <c>ad_review_feedback</c> why it was disapproved.</summary>
internal static class MetaReview
{
    public const string Fields = "effective_status,ad_review_feedback";

    public static PlatformAdReview Map(string? effectiveStatus, MetaReviewFeedback? feedback) => effectiveStatus switch
    {
        "DISAPPROVED" => new(PlatformReviewStatus.Rejected, Reason(feedback) ?? "Meta disapproved the ad (no review feedback was given)."),
        "PENDING_REVIEW" or "IN_PROCESS" => new(PlatformReviewStatus.Pending),
        "ACTIVE" or "PAUSED" or "CAMPAIGN_PAUSED" or "ADSET_PAUSED" or "PREAPPROVED" or "WITH_ISSUES" => new(PlatformReviewStatus.Approved),
        _ => PlatformAdReview.Unknown,
    };

    /// <summary>The descriptions, global first, then per placement ("instagram: …"), each once.</summary>
    private static string? Reason(MetaReviewFeedback? feedback)
    {
        if (feedback is null)
        {
            return null;
        }

        var reasons = (feedback.Global ?? []).Select(r => Text(r.Key, r.Value))
            .Concat((feedback.PlacementSpecific ?? []).SelectMany(p => p.Value.Select(r => $"{p.Key}: {Text(r.Key, r.Value)}")))
            .Distinct().ToList();
        return reasons.Count == 0 ? null : string.Join(" ", reasons);
    }

    private static string Text(string key, string description) => string.IsNullOrWhiteSpace(description) ? key : description.Trim();
}
