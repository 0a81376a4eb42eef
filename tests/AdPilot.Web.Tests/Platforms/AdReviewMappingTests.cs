using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.GoogleAds;
using AdPilot.Core.Platforms.Meta;
using AdPilot.Core.Platforms.TikTok;
using AdPilot.Web.Tests.Fakes;

namespace AdPilot.Web.Tests.Platforms;

/// <summary>Each real client reads an ad's review state and reason from its platform's wire format (local fakes of the APIs).</summary>
public sealed class AdReviewMappingTests
{
    [Fact]
    public async Task Meta_EffectiveStatusAndReviewFeedback_MapToTheReviewAndItsReason()
    {
        await using var meta = await FakeMeta.StartNewAsync();
        await using var host = new PlatformClientHost(meta.Settings());
        meta.Ads.Add(new() { ["id"] = "601", ["adset_id"] = "501", ["name"] = "Miracle cream", ["status"] = "ACTIVE", ["effective_status"] = "DISAPPROVED",
            ["ad_review_feedback"] = new Dictionary<string, object>
            {
                ["global"] = new Dictionary<string, string> { ["Misleading Claims"] = "Ads can't promise unrealistic results." },
                ["placement_specific"] = new Dictionary<string, object> { ["instagram"] = new Dictionary<string, string> { ["Text"] = "Too much text in the image." } },
            } });
        meta.Ads.Add(new() { ["id"] = "602", ["adset_id"] = "501", ["name"] = "Fresh", ["status"] = "ACTIVE", ["effective_status"] = "PENDING_REVIEW" });
        meta.Ads.Add(new() { ["id"] = "603", ["adset_id"] = "501", ["name"] = "Old", ["status"] = "PAUSED", ["effective_status"] = "CAMPAIGN_PAUSED" });

        var ads = await host.Get<MetaAdsClient>().ListAdsAsync(new PlatformAccess("act_111", FakeMeta.LongToken), "501", default);

        Assert.Equal(new PlatformAdReview(PlatformReviewStatus.Rejected, "Ads can't promise unrealistic results. instagram: Too much text in the image."), ads[0].Review);
        Assert.Equal(PlatformReviewStatus.Pending, ads[1].Review!.Status);
        Assert.Equal(PlatformReviewStatus.Approved, ads[2].Review!.Status);
    }

    [Fact]
    public async Task TikTok_SecondaryStatusAndReviewInfo_MapToTheReviewAndItsReason()
    {
        await using var tiktok = await FakeTikTok.StartNewAsync();
        await using var host = new PlatformClientHost(tiktok.Settings());
        tiktok.Ads.Add(new() { ["ad_id"] = "901", ["adgroup_id"] = "801", ["ad_name"] = "Dance", ["operation_status"] = "ENABLE", ["secondary_status"] = "AD_STATUS_AUDIT_DENY" });
        tiktok.Ads.Add(new() { ["ad_id"] = "902", ["adgroup_id"] = "801", ["ad_name"] = "New", ["operation_status"] = "ENABLE", ["secondary_status"] = "AD_STATUS_AUDIT" });
        tiktok.Ads.Add(new() { ["ad_id"] = "903", ["adgroup_id"] = "801", ["ad_name"] = "Live", ["operation_status"] = "ENABLE", ["secondary_status"] = "AD_STATUS_DELIVERY_OK" });
        tiktok.ReviewInfo["901"] = new
        {
            ad_id = "901", is_approved = false, review_status = "UNAVAILABLE",
            reject_info = new[] { new { reasons = new[] { "Exaggerated or misleading claims" }, suggestion = "Remove the before/after claim." } },
        };

        var ads = await host.Get<TikTokAdsClient>().ListAdsAsync(new PlatformAccess("7001", FakeTikTok.AccessToken), "801", default);

        Assert.Equal(new PlatformAdReview(PlatformReviewStatus.Rejected, "Exaggerated or misleading claims Suggestion: Remove the before/after claim."), ads.Single(a => a.Id == "901").Review);
        Assert.Equal(PlatformReviewStatus.Pending, ads.Single(a => a.Id == "902").Review!.Status);
        Assert.Equal(PlatformReviewStatus.Approved, ads.Single(a => a.Id == "903").Review!.Status);
    }

    [Fact]
    public async Task GoogleAds_PolicySummary_MapsToTheReviewAndItsPolicyTopics()
    {
        await using var google = await FakeGoogleAds.StartNewAsync();
        await using var host = new PlatformClientHost(google.Settings());
        google.AdRows.Add(Row(71, "DISAPPROVED", "REVIEWED", [new { topic = "DESTINATION_NOT_WORKING", type = "PROHIBITED" }]));
        google.AdRows.Add(Row(72, "UNKNOWN", "REVIEW_IN_PROGRESS", []));
        google.AdRows.Add(Row(73, "APPROVED_LIMITED", "REVIEWED", [new { topic = "ALCOHOL", type = "LIMITED" }]));

        var ads = await host.Get<GoogleAdsClient>().ListAdsAsync(new PlatformAccess("123-456-7890", FakeGoogleAds.AccessToken), "55", default);

        Assert.Equal(new PlatformAdReview(PlatformReviewStatus.Rejected, "Policy: DESTINATION_NOT_WORKING (PROHIBITED)"), ads.Single(a => a.Id == "55~71").Review);
        Assert.Equal(PlatformReviewStatus.Pending, ads.Single(a => a.Id == "55~72").Review!.Status);
        Assert.Equal(PlatformReviewStatus.Approved, ads.Single(a => a.Id == "55~73").Review!.Status);
    }

    private static Dictionary<string, object?> Row(long adId, string approval, string review, object[] topics) => new()
    {
        ["adGroup"] = new { id = "55" },
        ["adGroupAd"] = new Dictionary<string, object?>
        {
            ["status"] = "ENABLED",
            ["ad"] = new { id = adId.ToString(System.Globalization.CultureInfo.InvariantCulture), name = $"Ad {adId}" },
            ["policySummary"] = new { approvalStatus = approval, reviewStatus = review, policyTopicEntries = topics },
        },
    };
}
