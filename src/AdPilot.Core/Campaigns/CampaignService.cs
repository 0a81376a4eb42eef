using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Platforms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Campaigns;

/// <summary>
/// Campaign &gt; ad set &gt; ad: create, change, pause, resume, delete, each change synced to the platform of the ad
/// account (P22); import of what already exists on the platform. Every call is scoped to the user.
/// </summary>
public sealed class CampaignService(
    IDbContextFactory<AppDbContext> dbFactory,
    AdAccountService accounts,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<CampaignService> logger,
    ICreativeContent? creatives = null)
{
    public async Task<CampaignDetail> CreateAsync(long userId, CreateCampaignRequest request, CancellationToken ct = default)
    {
        CampaignRules.Validate(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await CampaignRules.OwnedAccountAsync(db, userId, request.AdAccountId, ct);
        await CampaignRules.EnsureCreativesAsync(db, userId, request.AdSets.SelectMany(s => s.Ads).Select(a => a.CreativeId), ct);
        request = await CampaignLandingPages.ApplyAsync(db, userId, request, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var status = request.Activate ? DeliveryStatus.Active : DeliveryStatus.Paused;
        var campaign = new Campaign
        {
            UserId = userId, AdAccountId = account.Id, Name = request.Name.Trim(), Objective = request.Objective, Status = status,
            BudgetType = request.BudgetType, Budget = request.Budget, Currency = account.Currency, StartDate = request.StartDate,
            EndDate = request.EndDate, CreatedAt = now, UpdatedAt = now,
            AdSets = request.AdSets.Select(s => CampaignEdits.NewAdSet(userId, s, status, now)).ToList(),
        };
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return await SyncAsync(userId, campaign.Id, ct);
    }

    public async Task<Paged<CampaignSummary>> ListAsync(long userId, CampaignQuery query, CancellationToken ct = default)
    {
        RequestValidator.Validate(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Campaigns.AsNoTracking().Include(c => c.AdAccount).Where(c => c.UserId == userId);
        if (query.AdAccountId is { } accountId)
        {
            rows = rows.Where(c => c.AdAccountId == accountId);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(c => c.Status == status);
        }

        if (query.SyncStatus is { } sync)
        {
            rows = rows.Where(c => c.SyncStatus == sync);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            rows = rows.Where(c => c.Name.Contains(term));
        }

        var total = await rows.CountAsync(ct);
        var ordered = (query.Sort, query.Descending) switch
        {
            ("name", false) => rows.OrderBy(c => c.Name).ThenBy(c => c.Id),
            ("name", true) => rows.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id),
            ("budget", false) => rows.OrderBy(c => c.Budget).ThenBy(c => c.Id),
            ("budget", true) => rows.OrderByDescending(c => c.Budget).ThenByDescending(c => c.Id),
            (_, false) => rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            _ => rows.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        };
        var items = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Paged<CampaignSummary>(items.Select(CampaignMapping.Summary).ToList(), query.Page, query.PageSize, total);
    }

    public async Task<CampaignDetail> GetAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return CampaignMapping.Detail(await CampaignRules.LoadAsync(db, userId, id, ct));
    }

    public async Task<CampaignDetail> UpdateAsync(long userId, long id, UpdateCampaignRequest request, CancellationToken ct = default)
    {
        await ChangeAsync(userId, id, c =>
        {
            CampaignRules.Validate(request, c);
            CampaignEdits.Apply(request, c);
            return c;
        }, ct);
        return await SyncAsync(userId, id, ct);
    }

    public Task<CampaignDetail> PauseAsync(long userId, long id, CancellationToken ct = default) => SetCampaignStatusAsync(userId, id, DeliveryStatus.Paused, ct);

    /// <summary>Pauses or resumes a campaign, ad set or ad known only by its id (e.g. from a report suggestion).</summary>
    public async Task<CampaignDetail> SetStatusAsync(long userId, CampaignLevel level, long id, DeliveryStatus status, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        switch (level)
        {
            case CampaignLevel.Campaign:
                return await SetCampaignStatusAsync(userId, id, status, ct);
            case CampaignLevel.AdSet:
                var campaignId = await db.AdSets.Where(s => s.Id == id && s.UserId == userId).Select(s => (long?)s.CampaignId).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("AdSet", id);
                return await SetAdSetStatusAsync(userId, campaignId, id, status, ct);
            default:
                var owner = await db.Ads.Where(a => a.Id == id && a.UserId == userId)
                    .Join(db.AdSets, a => a.AdSetId, s => s.Id, (a, s) => (long?)s.CampaignId).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException("Ad", id);
                return await SetAdStatusAsync(userId, owner, id, status, ct);
        }
    }

    public Task<CampaignDetail> ResumeAsync(long userId, long id, CancellationToken ct = default) => SetCampaignStatusAsync(userId, id, DeliveryStatus.Active, ct);

    /// <summary>Deletes on the platform first; when the platform refuses, nothing is deleted and the reason is returned.</summary>
    public async Task DeleteAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignRules.LoadAsync(db, userId, id, ct);
        await DeleteOnPlatformAsync(userId, campaign.AdAccountId, PlatformLevel.Campaign, campaign.PlatformCampaignId, ct);
        db.Campaigns.Remove(campaign);
        await db.SaveChangesAsync(ct);
    }

    public async Task<CampaignDetail> AddAdSetAsync(long userId, long campaignId, AdSetInput input, CancellationToken ct = default)
    {
        CampaignRules.Validate(input);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var campaign = await CampaignRules.LoadAsync(db, userId, campaignId, ct);
            await CampaignRules.EnsureCreativesAsync(db, userId, input.Ads.Select(a => a.CreativeId), ct);
            input = await CampaignLandingPages.ApplyAsync(db, userId, input, "", ct);
            campaign.AdSets.Add(CampaignEdits.NewAdSet(userId, input, DeliveryStatus.Paused, clock.GetUtcNow().UtcDateTime));
            campaign.SyncStatus = SyncStatus.Pending;
            await db.SaveChangesAsync(ct);
        }

        return await SyncAsync(userId, campaignId, ct);
    }

    public async Task<CampaignDetail> UpdateAdSetAsync(long userId, long campaignId, long adSetId, UpdateAdSetRequest request, CancellationToken ct = default)
    {
        CampaignRules.Validate(request);

        await ChangeAdSetAsync(userId, campaignId, adSetId, s => CampaignEdits.Apply(request, s), ct);
        return await SyncAsync(userId, campaignId, ct);
    }

    public async Task<CampaignDetail> SetAdSetStatusAsync(long userId, long campaignId, long adSetId, DeliveryStatus status, CancellationToken ct = default)
    {
        await ChangeAdSetAsync(userId, campaignId, adSetId, s => s.Status = status, ct);
        return await SyncAsync(userId, campaignId, ct);
    }

    public async Task<CampaignDetail> DeleteAdSetAsync(long userId, long campaignId, long adSetId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var campaign = await CampaignRules.LoadAsync(db, userId, campaignId, ct);
            var adSet = campaign.AdSets.SingleOrDefault(s => s.Id == adSetId) ?? throw new NotFoundException("AdSet", adSetId);
            await DeleteOnPlatformAsync(userId, campaign.AdAccountId, PlatformLevel.AdSet, adSet.PlatformAdSetId, ct);
            db.AdSets.Remove(adSet);
            await db.SaveChangesAsync(ct);
        }

        return await GetAsync(userId, campaignId, ct);
    }

    public async Task<CampaignDetail> AddAdAsync(long userId, long campaignId, long adSetId, AdInput input, CancellationToken ct = default)
    {
        RequestValidator.Validate(input);
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var campaign = await CampaignRules.LoadAsync(db, userId, campaignId, ct);
            var adSet = campaign.AdSets.SingleOrDefault(s => s.Id == adSetId) ?? throw new NotFoundException("AdSet", adSetId);
            await CampaignRules.EnsureCreativesAsync(db, userId, [input.CreativeId], ct);
            input = await CampaignLandingPages.ApplyAsync(db, userId, input, "", ct);
            adSet.Ads.Add(CampaignEdits.NewAd(userId, input, DeliveryStatus.Active, clock.GetUtcNow().UtcDateTime));
            campaign.SyncStatus = SyncStatus.Pending;
            await db.SaveChangesAsync(ct);
        }

        return await SyncAsync(userId, campaignId, ct);
    }

    public async Task<CampaignDetail> UpdateAdAsync(long userId, long campaignId, long adId, UpdateAdRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        string? pageUrl = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await CampaignRules.EnsureCreativesAsync(db, userId, [request.CreativeId], ct);
            if (request.LandingPageId is > 0 and var pageId)
            {
                pageUrl = await CampaignLandingPages.UrlAsync(db, userId, pageId, "landingPageId", ct);
            }
        }

        await ChangeAdAsync(userId, campaignId, adId, a =>
        {
            a.Name = request.Name?.Trim() ?? a.Name;
            a.CreativeId = request.CreativeId ?? a.CreativeId;
            a.Headline = request.Headline ?? a.Headline;
            a.PrimaryText = request.PrimaryText ?? a.PrimaryText;
            a.CallToAction = request.CallToAction ?? a.CallToAction;
            a.LandingPageUrl = pageUrl ?? request.LandingPageUrl ?? a.LandingPageUrl;
            a.LandingPageId = request.LandingPageId switch { null => a.LandingPageId, 0 => null, var id => id };
        }, ct);
        return await SyncAsync(userId, campaignId, ct);
    }

    public async Task<CampaignDetail> SetAdStatusAsync(long userId, long campaignId, long adId, DeliveryStatus status, CancellationToken ct = default)
    {
        await ChangeAdAsync(userId, campaignId, adId, a => a.Status = status, ct);
        return await SyncAsync(userId, campaignId, ct);
    }

    public async Task<CampaignDetail> DeleteAdAsync(long userId, long campaignId, long adId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var campaign = await CampaignRules.LoadAsync(db, userId, campaignId, ct);
            var ad = campaign.AdSets.SelectMany(s => s.Ads).SingleOrDefault(a => a.Id == adId) ?? throw new NotFoundException("Ad", adId);
            await DeleteOnPlatformAsync(userId, campaign.AdAccountId, PlatformLevel.Ad, ad.PlatformAdId, ct);
            db.Ads.Remove(ad);
            await db.SaveChangesAsync(ct);
        }

        return await GetAsync(userId, campaignId, ct);
    }

    /// <summary>Pushes every unsynced part of the campaign (also the Retry of a failed sync) and returns the result.</summary>
    public async Task<CampaignDetail> SyncAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignRules.LoadAsync(db, userId, id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var sync = new CampaignSync(creatives, now);
        try
        {
            var (platform, access) = await accounts.AccessAsync(userId, campaign.AdAccountId, ct);
            await sync.PushAsync(userId, campaign, platform, access, ct);
        }
        catch (ConflictException ex)
        {
            CampaignSync.FailAll(campaign, ex.Message);
        }

        campaign.UpdatedAt = now;
        await db.SaveChangesAsync(CancellationToken.None);
        if (campaign.SyncStatus == SyncStatus.SyncFailed)
        {
            logger.LogWarning("Campaign {CampaignId} could not be synced: {Reason}", id, campaign.SyncError);
            await NotifySyncFailedAsync(db, campaign, ct);
        }

        return CampaignMapping.Detail(campaign);
    }

    /// <summary>
    /// Brings in what exists on the platform: unknown campaigns, ad sets and ads are added as synced; known ones take
    /// the platform's name, status and budget unless they have local changes waiting to be pushed.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(long userId, long adAccountId, CancellationToken ct = default)
    {
        var (platform, access) = await accounts.AccessAsync(userId, adAccountId, ct);
        var remoteCampaigns = await platform.ListCampaignsAsync(access, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.AdAccounts.AsNoTracking().SingleAsync(a => a.Id == adAccountId && a.UserId == userId, ct);
        var local = await db.Campaigns.Include(c => c.AdSets).ThenInclude(s => s.Ads)
            .Where(c => c.AdAccountId == adAccountId && c.PlatformCampaignId != null).ToDictionaryAsync(c => c.PlatformCampaignId!, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        int campaigns = 0, adSets = 0, ads = 0;
        var rejected = new List<(Ad, Campaign)>();
        foreach (var remote in remoteCampaigns)
        {
            if (!local.TryGetValue(remote.Id, out var campaign))
            {
                campaign = new Campaign
                {
                    UserId = userId, AdAccountId = adAccountId, PlatformCampaignId = remote.Id, Currency = account.Currency,
                    CreatedAt = now, SyncStatus = SyncStatus.Synced,
                };
                db.Campaigns.Add(campaign);
                campaigns++;
            }

            if (campaign.SyncStatus == SyncStatus.Synced)
            {
                campaign.Name = Trim(remote.Name);
                campaign.Objective = CampaignMapping.Objective(remote.Objective);
                campaign.Status = CampaignMapping.FromPlatform(remote.Status);
                campaign.BudgetType = remote.BudgetType is { } bt ? CampaignMapping.FromPlatform(bt) : campaign.BudgetType;
                campaign.Budget = remote.Budget ?? campaign.Budget;
                campaign.StartDate = remote.StartDate;
                campaign.EndDate = remote.EndDate;
                campaign.LastSyncedAt = now;
                campaign.UpdatedAt = now;
            }

            foreach (var remoteSet in await platform.ListAdSetsAsync(access, remote.Id, ct))
            {
                var adSet = campaign.AdSets.SingleOrDefault(s => s.PlatformAdSetId == remoteSet.Id);
                if (adSet is null)
                {
                    adSet = new AdSet { UserId = userId, PlatformAdSetId = remoteSet.Id, SyncStatus = SyncStatus.Synced, CreatedAt = now };
                    campaign.AdSets.Add(adSet);
                    adSets++;
                }

                if (adSet.SyncStatus == SyncStatus.Synced)
                {
                    adSet.Name = Trim(remoteSet.Name);
                    adSet.Status = CampaignMapping.FromPlatform(remoteSet.Status);
                    adSet.BudgetType = remoteSet.BudgetType is { } sbt ? CampaignMapping.FromPlatform(sbt) : null;
                    adSet.Budget = remoteSet.Budget;
                    adSet.UpdatedAt = now;
                }

                foreach (var remoteAd in await platform.ListAdsAsync(access, remoteSet.Id, ct))
                {
                    var ad = adSet.Ads.SingleOrDefault(a => a.PlatformAdId == remoteAd.Id);
                    if (ad is null)
                    {
                        ad = new Ad { UserId = userId, PlatformAdId = remoteAd.Id, SyncStatus = SyncStatus.Synced, CreatedAt = now };
                        adSet.Ads.Add(ad);
                        ads++;
                    }

                    if (ad.SyncStatus == SyncStatus.Synced)
                    {
                        ad.Name = Trim(remoteAd.Name);
                        ad.Status = CampaignMapping.FromPlatform(remoteAd.Status);
                        ad.UpdatedAt = now;
                    }

                    if (AdReviews.Apply(ad, remoteAd.Review, now))
                    {
                        rejected.Add((ad, campaign));
                    }
                }
            }
        }

        await db.SaveChangesAsync(ct);
        await AdReviews.NotifyAsync(db, notifications, [.. rejected.Select(r => (r.Item1, r.Item2.Id))], ct);
        return new ImportSummary(campaigns, adSets, ads);
    }

    private async Task<CampaignDetail> SetCampaignStatusAsync(long userId, long id, DeliveryStatus status, CancellationToken ct)
    {
        await ChangeAsync(userId, id, c =>
        {
            c.Status = status;
            return c;
        }, ct);
        return await SyncAsync(userId, id, ct);
    }

    private async Task ChangeAsync(long userId, long id, Func<Campaign, Campaign> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = change(await CampaignRules.LoadAsync(db, userId, id, ct));
        campaign.SyncStatus = SyncStatus.Pending;
        campaign.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task ChangeAdSetAsync(long userId, long campaignId, long adSetId, Action<AdSet> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignRules.LoadAsync(db, userId, campaignId, ct);
        var adSet = campaign.AdSets.SingleOrDefault(s => s.Id == adSetId) ?? throw new NotFoundException("AdSet", adSetId);
        change(adSet);
        adSet.SyncStatus = SyncStatus.Pending;
        adSet.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        campaign.SyncStatus = SyncStatus.Pending;
        await db.SaveChangesAsync(ct);
    }

    private async Task ChangeAdAsync(long userId, long campaignId, long adId, Action<Ad> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaign = await CampaignRules.LoadAsync(db, userId, campaignId, ct);
        var ad = campaign.AdSets.SelectMany(s => s.Ads).SingleOrDefault(a => a.Id == adId) ?? throw new NotFoundException("Ad", adId);
        change(ad);
        ad.SyncStatus = SyncStatus.Pending;
        ad.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        campaign.SyncStatus = SyncStatus.Pending;
        await db.SaveChangesAsync(ct);
    }

    private async Task DeleteOnPlatformAsync(long userId, long adAccountId, PlatformLevel level, string? platformId, CancellationToken ct)
    {
        if (platformId is null)
        {
            return;
        }

        var (platform, access) = await accounts.AccessAsync(userId, adAccountId, ct);
        try
        {
            await platform.DeleteAsync(access, level, platformId, ct);
        }
        catch (PlatformException ex) when (ex.Kind != PlatformErrorKind.NotFound)
        {
            throw new ConflictException("platform_error", $"The platform refused the deletion: {ex.PlatformMessage} Nothing was deleted.");
        }
    }

    private async Task NotifySyncFailedAsync(AppDbContext db, Campaign campaign, CancellationToken ct)
    {
        var language = await db.Users.Where(u => u.Id == campaign.UserId).Select(u => u.Language).SingleAsync(ct);
        var (title, body) = NotificationTexts.For(NotificationCategories.SyncFailed, language, campaign.Name, campaign.SyncError ?? "");
        await notifications.CreateAsync(campaign.UserId, new CreateNotificationRequest
        {
            Type = NotificationType.Important,
            Category = NotificationCategories.SyncFailed,
            Title = Trim(title),
            Body = campaign.SyncError is { Length: > 3000 } ? body[..3000] : body,
            Link = $"/campaigns/{campaign.Id}",
        }, ct);
    }

    private static string Trim(string s) => s.Length <= 200 ? s : s[..200];
}
