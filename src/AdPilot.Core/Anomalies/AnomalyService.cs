using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Anomalies;

/// <summary>
/// Anomaly detection (ADR 038): the hourly run over every active account and campaign opens an episode per anomaly and
/// raises one notification for it, keeps it open (silently) while later runs still see it, and resolves it when a run
/// finds the numbers normal again. Users list episodes and mute accounts, campaigns or types.
/// </summary>
public sealed class AnomalyService(
    IDbContextFactory<AppDbContext> dbFactory,
    NotificationService notifications,
    TimeProvider clock,
    IOptions<AnomalyOptions> options,
    ILogger<AnomalyService> logger)
{
    /// <summary>The hourly job. Returns the number of episodes opened.</summary>
    public async Task<AnomalyRunResult> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var subjects = await AnomalyScan.LoadAsync(db, now, o, ct);
        var open = (await db.Anomalies.Where(a => a.ResolvedAt == null).ToListAsync(ct))
            .GroupBy(a => (a.AdAccountId, a.CampaignId, a.Type)).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Id).First());
        var mutes = (await db.AnomalyMutes.AsNoTracking().Where(m => m.Until == null || m.Until > now).ToListAsync(ct)).ToLookup(m => m.UserId);

        var opened = new List<Anomaly>();
        var seen = new HashSet<(long, long?, string)>();
        foreach (var subject in subjects)
        {
            var evaluation = AnomalyRules.Evaluate(subject.Input, o);
            foreach (var type in AnomalyTypes.All)
            {
                var key = (subject.AdAccountId, subject.CampaignId, type);
                var finding = evaluation.Findings.FirstOrDefault(f => f.Type == type);
                var episode = open.GetValueOrDefault(key);
                if (episode is not null && (finding is not null || !evaluation.Judged.Contains(type)))
                {
                    seen.Add(key); // still anomalous, or not judged this hour: kept open
                }

                if (finding is not null && episode is not null)
                {
                    Update(episode, finding, now);
                }
                else if (finding is not null && !mutes[subject.UserId].Any(m => m.Covers(subject.AdAccountId, subject.CampaignId, type, now)))
                {
                    var fresh = Open(subject, finding, now);
                    db.Anomalies.Add(fresh);
                    opened.Add(fresh);
                }
            }
        }

        var resolved = 0;
        foreach (var (key, episode) in open)
        {
            if (!seen.Contains(key) || now - episode.LastSeenAt > o.StaleAfter)
            {
                episode.ResolvedAt = now;
                resolved++;
            }
        }

        await db.SaveChangesAsync(ct);
        await NotifyAsync(db, opened, ct);
        logger.LogInformation("Anomaly run: {Subjects} accounts and campaigns judged, {Opened} episodes opened, {Resolved} resolved", subjects.Count, opened.Count, resolved);
        return new AnomalyRunResult(subjects.Count, opened.Count, resolved, open.Count - resolved);
    }

    /// <summary>The user's episodes, newest first; filtering on another user's account or campaign is "not found".</summary>
    public async Task<Paged<AnomalyView>> ListAsync(long userId, AnomalyQuery query, CancellationToken ct = default)
    {
        RequestValidator.Validate(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureOwnedAsync(db, userId, query.AdAccountId, query.CampaignId, ct);
        var rows = db.Anomalies.AsNoTracking().Where(a => a.UserId == userId);
        rows = query.Status switch
        {
            "open" => rows.Where(a => a.ResolvedAt == null),
            "resolved" => rows.Where(a => a.ResolvedAt != null),
            _ => rows,
        };
        rows = query.AdAccountId is { } account ? rows.Where(a => a.AdAccountId == account) : rows;
        rows = query.CampaignId is { } campaign ? rows.Where(a => a.CampaignId == campaign) : rows;
        rows = query.Type is { } type ? rows.Where(a => a.Type == type) : rows;
        rows = query.From is { } from ? rows.Where(a => a.Day >= from) : rows;
        rows = query.To is { } to ? rows.Where(a => a.Day <= to) : rows;
        var total = await rows.CountAsync(ct);
        var page = await rows.OrderByDescending(a => a.StartedAt).ThenByDescending(a => a.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Paged<AnomalyView>(page.Select(AnomalyView.Of).ToList(), query.Page, query.PageSize, total);
    }

    /// <summary>The user's mutes still in force.</summary>
    public async Task<IReadOnlyList<AnomalyMuteView>> ListMutesAsync(long userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.AnomalyMutes.AsNoTracking().Where(m => m.UserId == userId && (m.Until == null || m.Until > now)).OrderBy(m => m.Id).ToListAsync(ct))
            .Select(AnomalyMuteView.Of).ToList();
    }

    public async Task<AnomalyMuteView> MuteAsync(long userId, MuteAnomaliesRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.AdAccountId is null && request.CampaignId is null && request.Type is null)
        {
            throw ValidationFailedException.For("type", "Say what to mute: an ad account, a campaign, an anomaly type, or a type on one of them.");
        }

        var until = request.Until is { } u ? DateTime.SpecifyKind(u.Kind == DateTimeKind.Local ? u.ToUniversalTime() : u, DateTimeKind.Utc) : (DateTime?)null;
        if (until <= now)
        {
            throw ValidationFailedException.For("until", "The end of a mute must be in the future.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await EnsureOwnedAsync(db, userId, request.AdAccountId, request.CampaignId, ct);
        var mute = new AnomalyMute
        {
            UserId = userId, AdAccountId = request.AdAccountId, CampaignId = request.CampaignId, Type = request.Type, Until = until, CreatedAt = now,
        };
        db.AnomalyMutes.Add(mute);
        await db.SaveChangesAsync(ct);
        return AnomalyMuteView.Of(mute);
    }

    public async Task UnmuteAsync(long userId, long muteId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AnomalyMutes.Where(m => m.Id == muteId && m.UserId == userId).ExecuteDeleteAsync(ct) == 0)
        {
            throw new NotFoundException("AnomalyMute", muteId);
        }
    }

    private static async Task EnsureOwnedAsync(AppDbContext db, long userId, long? adAccountId, long? campaignId, CancellationToken ct)
    {
        if (adAccountId is { } account && !await db.AdAccounts.AnyAsync(a => a.Id == account && a.UserId == userId, ct))
        {
            throw new NotFoundException("AdAccount", account);
        }

        if (campaignId is { } campaign
            && !await db.Campaigns.AnyAsync(c => c.Id == campaign && c.UserId == userId && (adAccountId == null || c.AdAccountId == adAccountId), ct))
        {
            throw new NotFoundException("Campaign", campaign);
        }
    }

    private static Anomaly Open(AnomalySubject subject, AnomalyFinding finding, DateTime now)
    {
        var episode = new Anomaly
        {
            UserId = subject.UserId, AdAccountId = subject.AdAccountId, CampaignId = subject.CampaignId, EntityName = Truncate(subject.Name, 200),
            Type = finding.Type, Day = subject.Day, Currency = subject.Currency, StartedAt = now,
        };
        Update(episode, finding, now);
        return episode;
    }

    /// <summary>The numbers are the latest run's; the severity only ever rises within an episode.</summary>
    private static void Update(Anomaly episode, AnomalyFinding finding, DateTime now)
    {
        episode.Severity = episode.Id == 0 || finding.Severity < episode.Severity ? finding.Severity : episode.Severity;
        episode.Observed = finding.Observed;
        episode.Expected = finding.Expected;
        episode.ExpectedLow = finding.ExpectedLow;
        episode.ExpectedHigh = finding.ExpectedHigh;
        episode.LastSeenAt = now;
    }

    /// <summary>One notification per episode: its id is the dedupe key, so a retried run never raises it twice.</summary>
    private async Task NotifyAsync(AppDbContext db, List<Anomaly> opened, CancellationToken ct)
    {
        if (opened.Count == 0)
        {
            return;
        }

        var userIds = opened.Select(a => a.UserId).Distinct().ToList();
        var languages = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Language, ct);
        foreach (var episode in opened)
        {
            var (title, body) = AnomalyTexts.For(episode, languages.GetValueOrDefault(episode.UserId) ?? "en");
            var (notification, _) = await notifications.CreateAsync(episode.UserId, new CreateNotificationRequest
            {
                Type = episode.Severity,
                Category = NotificationCategories.Anomaly,
                Title = Truncate(title, 200),
                Body = body,
                Link = AnomalyLinks.Report(episode.AdAccountId, episode.CampaignId),
                DedupeKey = $"anomaly:{episode.Id}",
            }, ct);
            episode.NotificationId = notification.Id;
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

public sealed record AnomalyRunResult(int Judged, int Opened, int Resolved, int StillOpen);
