#pragma warning disable CS9113 // SKELETON (#15 in progress): remove this line when implementing
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// Ads that point at a landing page (<c>Ad.LandingPageId</c>) follow it: when its published URL changes (a new slug,
/// unpublish) their landing URL is updated and synced to the platform.
/// </summary>
public sealed class LandingPageAdLinks(IDbContextFactory<AppDbContext> dbFactory)
{
    public Task FollowAsync(long userId, long landingPageId, string? publishedUrl, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");
}
