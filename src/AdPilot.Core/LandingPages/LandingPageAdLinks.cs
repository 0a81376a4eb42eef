using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// Ads that point at a landing page (<c>Ad.LandingPageId</c>) follow it: when it is published under a new URL (a new slug,
/// a new storage or CDN address) their landing URL is updated and synced to the platform through the campaign's normal ad
/// update (<see cref="CampaignService.UpdateAdAsync"/>). Unpublishing leaves the ads alone: they keep the last URL (it
/// answers 404 until the page is published again) and the platform is not touched, so pausing a page never rewrites or
/// pauses anyone's ads behind their back.
/// </summary>
/// <param name="campaigns">Null only where no ad can be linked (tests of the publisher without campaigns).</param>
public sealed class LandingPageAdLinks(
    IDbContextFactory<AppDbContext> dbFactory, CampaignService? campaigns = null, ILogger<LandingPageAdLinks>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<LandingPageAdLinks>.Instance;

    /// <summary>
    /// Points the user's ads linked to the page at its new <paramref name="publishedUrl"/> (already saved on the page); null
    /// (unpublished) changes nothing.
    /// </summary>
    public async Task FollowAsync(long userId, long landingPageId, string? publishedUrl, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(publishedUrl))
        {
            return;
        }

        List<(long CampaignId, long AdId)> stale;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            stale = (await db.Ads.AsNoTracking()
                .Where(a => a.UserId == userId && a.LandingPageId == landingPageId && a.LandingPageUrl != publishedUrl)
                .Join(db.AdSets, a => a.AdSetId, s => s.Id, (a, s) => new { s.CampaignId, AdId = a.Id })
                .OrderBy(x => x.CampaignId).ThenBy(x => x.AdId)
                .ToListAsync(ct)).Select(x => (x.CampaignId, x.AdId)).ToList();
        }

        if (stale.Count == 0)
        {
            return;
        }

        if (campaigns is null)
        {
            throw new InvalidOperationException("LandingPageAdLinks needs the CampaignService to update linked ads.");
        }

        foreach (var (campaignId, adId) in stale)
        {
            try
            {
                // Re-linking takes the page's saved URL (the publisher saves before it calls here); a platform refusal is
                // recorded on the ad (sync_failed, with a notification) by the campaign's own sync.
                await campaigns.UpdateAdAsync(userId, campaignId, adId, new UpdateAdRequest { LandingPageId = landingPageId }, ct);
            }
            catch (DomainException ex)
            {
                // Publishing has already happened; one ad that cannot follow (deleted meanwhile, refused URL) must not undo it.
                _logger.LogWarning("Ad {AdId} could not follow landing page {LandingPageId}: {Reason}", adId, landingPageId, ex.Message);
            }
        }
    }
}
