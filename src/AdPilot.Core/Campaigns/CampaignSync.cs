using AdPilot.Core.Platforms;

namespace AdPilot.Core.Campaigns;

/// <summary>
/// Pushes a campaign tree to its platform: whatever has no platform id is created (children after their parent),
/// whatever is pending is updated. A platform error marks that entity — and the campaign, with the reason — as
/// sync_failed and leaves its children for the retry; nothing is left silently different (P22).
/// </summary>
internal sealed class CampaignSync(ICreativeContent? creatives, DateTime now)
{
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public async Task PushAsync(long userId, Campaign campaign, IAdPlatform platform, PlatformAccess access, CancellationToken ct)
    {
        var ok = await StepAsync(campaign, $"Campaign \"{campaign.Name}\"", async () =>
        {
            if (campaign.PlatformCampaignId is null)
            {
                campaign.PlatformCampaignId = await platform.CreateCampaignAsync(access, CampaignMapping.Spec(campaign), ct);
            }
            else
            {
                await platform.UpdateCampaignAsync(access, campaign.PlatformCampaignId, CampaignMapping.Spec(campaign), ct);
            }
        });
        if (!ok)
        {
            return;
        }

        foreach (var adSet in campaign.AdSets.OrderBy(s => s.Id))
        {
            if (adSet.SyncStatus == SyncStatus.Synced && adSet.PlatformAdSetId is not null && adSet.Ads.All(a => a.SyncStatus == SyncStatus.Synced))
            {
                continue;
            }

            var setOk = adSet.SyncStatus == SyncStatus.Synced && adSet.PlatformAdSetId is not null
                || await StepAsync(adSet, $"Ad set \"{adSet.Name}\"", async () =>
                {
                    if (adSet.PlatformAdSetId is null)
                    {
                        adSet.PlatformAdSetId = await platform.CreateAdSetAsync(access, campaign.PlatformCampaignId!, CampaignMapping.Spec(adSet), ct);
                    }
                    else
                    {
                        await platform.UpdateAdSetAsync(access, adSet.PlatformAdSetId, CampaignMapping.Spec(adSet), ct);
                    }
                });
            if (!setOk)
            {
                continue;
            }

            foreach (var ad in adSet.Ads.Where(a => a.SyncStatus != SyncStatus.Synced || a.PlatformAdId is null).OrderBy(a => a.Id))
            {
                await StepAsync(ad, $"Ad \"{ad.Name}\"", async () =>
                {
                    var creativeRef = await CreativeRefAsync(userId, ad, platform, access, ct);
                    if (ad.PlatformAdId is null)
                    {
                        ad.PlatformAdId = await platform.CreateAdAsync(access, adSet.PlatformAdSetId!, CampaignMapping.Spec(ad, creativeRef), ct);
                    }
                    else
                    {
                        await platform.UpdateAdAsync(access, ad.PlatformAdId, CampaignMapping.Spec(ad, creativeRef), ct);
                    }
                });
            }
        }

        campaign.SyncStatus = _failures.Count == 0 ? SyncStatus.Synced : SyncStatus.SyncFailed;
        campaign.SyncError = _failures.Count == 0 ? null : Truncate(string.Join(" ", _failures));
        campaign.LastSyncedAt = now;
    }

    /// <summary>Marks every unsynced part of the tree as failed for one reason (e.g. the account needs re-authorisation).</summary>
    public static void FailAll(Campaign campaign, string reason)
    {
        campaign.SyncStatus = SyncStatus.SyncFailed;
        campaign.SyncError = Truncate(reason);
        foreach (var adSet in campaign.AdSets.Where(s => s.SyncStatus != SyncStatus.Synced))
        {
            adSet.SyncStatus = SyncStatus.SyncFailed;
            adSet.SyncError = Truncate(reason);
        }

        foreach (var ad in campaign.AdSets.SelectMany(s => s.Ads).Where(a => a.SyncStatus != SyncStatus.Synced))
        {
            ad.SyncStatus = SyncStatus.SyncFailed;
            ad.SyncError = Truncate(reason);
        }
    }

    private async Task<bool> StepAsync(object entity, string label, Func<Task> push)
    {
        try
        {
            await push();
            Set(entity, SyncStatus.Synced, null);
            return true;
        }
        catch (PlatformException ex)
        {
            var reason = $"{label}: {ex.PlatformMessage}";
            Set(entity, SyncStatus.SyncFailed, ex.PlatformMessage);
            _failures.Add(reason);
            return false;
        }
    }

    private async Task<string?> CreativeRefAsync(long userId, Ad ad, IAdPlatform platform, PlatformAccess access, CancellationToken ct)
    {
        if (ad.CreativeId is not { } creativeId || creatives is null)
        {
            return null;
        }

        var upload = await creatives.LoadAsync(userId, creativeId, ct)
            ?? throw new PlatformException(PlatformErrorKind.Validation, "The creative no longer exists.");
        return await platform.UploadCreativeAsync(access, upload, ct);
    }

    private static void Set(object entity, SyncStatus status, string? error)
    {
        switch (entity)
        {
            case Campaign c:
                c.SyncStatus = status;
                c.SyncError = Truncate(error);
                break;
            case AdSet s:
                s.SyncStatus = status;
                s.SyncError = Truncate(error);
                break;
            case Ad a:
                a.SyncStatus = status;
                a.SyncError = Truncate(error);
                break;
        }
    }

    private static string? Truncate(string? s) => s is null || s.Length <= 1000 ? s : s[..1000];
}
