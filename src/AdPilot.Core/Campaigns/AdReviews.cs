using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Platforms;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Campaigns;

/// <summary>
/// The platform's policy review of an ad, taken in at each import: the status and reason are stored on the ad, and each
/// move into Rejected raises one <c>ad_rejected</c> notification (its dedupe key counts the rejections, so an ad approved
/// again and later rejected raises again, while repeated syncs of the same rejection do not).
/// </summary>
public static class AdReviews
{
    public const int MaxReason = 1000;

    /// <summary>Applies the review to the ad; true when it has just become rejected.</summary>
    public static bool Apply(Ad ad, PlatformAdReview? review, DateTime now)
    {
        if (review is null || review.Status == PlatformReviewStatus.Unknown)
        {
            return false;
        }

        var status = review.Status switch
        {
            PlatformReviewStatus.Pending => AdReviewStatus.Pending,
            PlatformReviewStatus.Approved => AdReviewStatus.Approved,
            _ => AdReviewStatus.Rejected,
        };
        var reason = status == AdReviewStatus.Rejected ? Clip(review.Reason) : null;
        var newlyRejected = status == AdReviewStatus.Rejected && ad.ReviewStatus != AdReviewStatus.Rejected;
        if (status != ad.ReviewStatus || reason != ad.ReviewReason)
        {
            ad.ReviewChangedAt = now;
        }

        ad.ReviewStatus = status;
        ad.ReviewReason = reason;
        if (newlyRejected)
        {
            ad.Rejections++;
        }

        return newlyRejected;
    }

    /// <summary>Raises <c>ad_rejected</c> for each ad, with the platform's reason and a link to the ad in its campaign.</summary>
    public static async Task NotifyAsync(AppDbContext db, NotificationService notifications, IReadOnlyList<(Ad Ad, long CampaignId)> rejected, CancellationToken ct)
    {
        if (rejected.Count == 0)
        {
            return;
        }

        var userId = rejected[0].Ad.UserId;
        var language = await db.Users.Where(u => u.Id == userId).Select(u => u.Language).SingleAsync(ct);
        foreach (var (ad, campaignId) in rejected)
        {
            var (title, body) = NotificationTexts.For(NotificationCategories.AdRejected, language, ad.Name, ad.ReviewReason ?? "");
            await notifications.CreateAsync(ad.UserId, new CreateNotificationRequest
            {
                Type = NotificationType.Important,
                Category = NotificationCategories.AdRejected,
                Title = title.Length <= 200 ? title : title[..200],
                Body = body,
                Link = $"/campaigns/{campaignId}?ad={ad.Id}",
                DedupeKey = $"ad_rejected:{ad.Id}:{ad.Rejections}",
            }, ct);
        }
    }

    private static string? Clip(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? null : reason.Trim() is { Length: > MaxReason } long_ ? long_[..MaxReason] : reason.Trim();
}
