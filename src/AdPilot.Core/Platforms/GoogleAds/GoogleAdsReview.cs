namespace AdPilot.Core.Platforms.GoogleAds;

/// <summary><c>ad_group_ad.policy_summary</c>: the approval, the review's progress and the policy topics found.</summary>
internal sealed record GooglePolicySummary(string? ApprovalStatus, string? ReviewStatus, List<GooglePolicyTopicEntry>? PolicyTopicEntries);

internal sealed record GooglePolicyTopicEntry(string? Topic, string? Type);

/// <summary>Google Ads' review state: <c>DISAPPROVED</c> is a rejection whose reason is the policy topics; a review in progress is pending.</summary>
internal static class GoogleAdsReview
{
    public const string Fields = "ad_group_ad.policy_summary.approval_status, ad_group_ad.policy_summary.review_status, ad_group_ad.policy_summary.policy_topic_entries";

    public static PlatformAdReview Map(GooglePolicySummary? summary) => summary?.ApprovalStatus switch
    {
        "DISAPPROVED" => new(PlatformReviewStatus.Rejected, Reason(summary) ?? "Google Ads disapproved the ad (no policy topic was given)."),
        _ when summary?.ReviewStatus is "REVIEW_IN_PROGRESS" => new(PlatformReviewStatus.Pending),
        "APPROVED" or "APPROVED_LIMITED" or "AREA_OF_INTEREST_ONLY" => new(PlatformReviewStatus.Approved),
        _ => PlatformAdReview.Unknown,
    };

    private static string? Reason(GooglePolicySummary summary)
    {
        var topics = (summary.PolicyTopicEntries ?? []).Where(e => e.Topic is { Length: > 0 })
            .Select(e => e.Type is { Length: > 0 } type ? $"{e.Topic} ({type})" : e.Topic!).Distinct().ToList();
        return topics.Count == 0 ? null : "Policy: " + string.Join(", ", topics);
    }
}
