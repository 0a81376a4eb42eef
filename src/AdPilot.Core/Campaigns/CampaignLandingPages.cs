using System.Globalization;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Campaigns;

/// <summary>
/// An ad may point at one of the user's landing pages (18.2): it must be a published page of the user, and the ad's landing
/// URL is then the page's public URL (<see cref="LandingPageAdLinks"/> keeps it in step on republish).
/// </summary>
internal static class CampaignLandingPages
{
    public static async Task<CreateCampaignRequest> ApplyAsync(AppDbContext db, long userId, CreateCampaignRequest request, CancellationToken ct)
    {
        var adSets = new List<AdSetInput>(request.AdSets.Count);
        for (var i = 0; i < request.AdSets.Count; i++)
        {
            adSets.Add(await ApplyAsync(db, userId, request.AdSets[i], Invariant($"adSets[{i}]."), ct));
        }

        return request with { AdSets = adSets };
    }

    public static async Task<AdSetInput> ApplyAsync(AppDbContext db, long userId, AdSetInput input, string prefix, CancellationToken ct)
    {
        var ads = new List<AdInput>(input.Ads.Count);
        for (var i = 0; i < input.Ads.Count; i++)
        {
            ads.Add(await ApplyAsync(db, userId, input.Ads[i], Invariant($"{prefix}ads[{i}]."), ct));
        }

        return input with { Ads = ads };
    }

    public static async Task<AdInput> ApplyAsync(AppDbContext db, long userId, AdInput input, string prefix, CancellationToken ct) =>
        input.LandingPageId is { } pageId ? input with { LandingPageUrl = await UrlAsync(db, userId, pageId, prefix + "landingPageId", ct) } : input;

    /// <summary>The published URL of the user's page; a field error when it is not the user's or not published.</summary>
    public static async Task<string> UrlAsync(AppDbContext db, long userId, long pageId, string field, CancellationToken ct)
    {
        var page = await db.LandingPages.AsNoTracking()
            .Where(p => p.Id == pageId && p.UserId == userId)
            .Select(p => new { p.Status, p.PublishedUrl })
            .SingleOrDefaultAsync(ct)
            ?? throw ValidationFailedException.For(field, "No such landing page.");
        return page is { Status: LandingPageStatus.Published, PublishedUrl: { Length: > 0 } url }
            ? url
            : throw ValidationFailedException.For(field, "This landing page is not published. Publish it first, then choose it for the ad.");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
