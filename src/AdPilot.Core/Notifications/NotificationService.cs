using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Notifications;

/// <summary>
/// Notifications: create (deduplicated by key) and deliver to the channels the preferences choose (urgent: all), and to the
/// Slack and webhook channels routed for the category (ADR 040),
/// list with filters, mark read, unread count, preferences and archival. Every call is scoped to the user; another
/// user's notification is "not found".
/// </summary>
public sealed class NotificationService(
    IDbContextFactory<AppDbContext> dbFactory,
    TimeProvider clock,
    INotificationPush push,
    INotificationEmailQueue emailQueue,
    ILogger<NotificationService> logger,
    Alerts.IExternalAlerts? externalAlerts = null)
{
    public static readonly TimeSpan ArchiveAfter = TimeSpan.FromDays(30);

    /// <summary>Creates the notification, or returns the existing one when its dedupe key was used before.</summary>
    public async Task<(NotificationView Notification, bool Created)> CreateAsync(long userId, CreateNotificationRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (request.DedupeKey is { } key && await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.UserId == userId && n.DedupeKey == key, ct) is { } existing)
        {
            return (NotificationView.Of(existing), false);
        }

        var channels = await ChannelsForAsync(userId, request.Type, request.Category, ct);
        var notification = new Notification
        {
            UserId = userId, Type = request.Type, Category = request.Category, Title = request.Title, Body = request.Body,
            Link = request.Link, DedupeKey = request.DedupeKey, CreatedAt = clock.GetUtcNow().UtcDateTime,
            InApp = channels.HasFlag(NotificationChannels.InApp),
            EmailStatus = channels.HasFlag(NotificationChannels.Email) ? EmailDelivery.Pending : EmailDelivery.NotRequested,
        };
        db.Notifications.Add(notification);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (request.DedupeKey is not null)
        {
            // Raised concurrently with the same key: the other call created it.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            return (NotificationView.Of(await fresh.Notifications.AsNoTracking().SingleAsync(n => n.UserId == userId && n.DedupeKey == request.DedupeKey, ct)), false);
        }

        var view = NotificationView.Of(notification);
        await DeliverAsync(notification, view);
        return (view, true);
    }

    /// <summary>The notification is stored first; a failing push or mail queue is logged and never loses it.</summary>
    private async Task DeliverAsync(Notification notification, NotificationView view)
    {
        if (notification.EmailStatus == EmailDelivery.Pending)
        {
            try
            {
                emailQueue.Enqueue(notification.Id);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not queue the e-mail of notification {NotificationId}", notification.Id);
            }
        }

        if (notification.InApp)
        {
            try
            {
                await push.PushAsync(notification.UserId, view, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not push notification {NotificationId} to open pages", notification.Id);
            }
        }

        try
        {
            await (externalAlerts?.QueueAsync(notification.UserId, view, CancellationToken.None) ?? Task.CompletedTask);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not queue the alerts of notification {NotificationId} to Slack or webhooks", notification.Id);
        }
    }

    public async Task<Paged<NotificationView>> ListAsync(long userId, NotificationQuery query, CancellationToken ct = default)
    {
        RequestValidator.Validate(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && n.InApp && n.ArchivedAt == null);
        if (query.Type is { } type)
        {
            rows = rows.Where(n => n.Type == type);
        }

        if (query.IsRead is { } read)
        {
            rows = rows.Where(n => n.IsRead == read);
        }

        if (!string.IsNullOrEmpty(query.Category))
        {
            rows = rows.Where(n => n.Category == query.Category);
        }

        var total = await rows.CountAsync(ct);
        var ordered = query.NewestFirst ? rows.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id) : rows.OrderBy(n => n.CreatedAt).ThenBy(n => n.Id);
        var items = await ordered.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Paged<NotificationView>(items.Select(NotificationView.Of).ToList(), query.Page, query.PageSize, total);
    }

    public async Task<int> UnreadCountAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.InApp && !n.IsRead && n.ArchivedAt == null, ct);
    }

    /// <summary>Marks one notification read; marking it again changes nothing (P27).</summary>
    public async Task<NotificationView> MarkReadAsync(long userId, long notificationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.Id == notificationId && n.UserId == userId && !n.IsRead)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true).SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct);
        var notification = await db.Notifications.AsNoTracking().SingleOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, ct)
            ?? throw new NotFoundException("Notification", notificationId);
        return NotificationView.Of(notification);
    }

    public async Task<int> MarkAllReadAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.Where(n => n.UserId == userId && !n.IsRead)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.IsRead, true).SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct);
    }

    /// <summary>Every category with its channels; categories never set default to both.</summary>
    public async Task<IReadOnlyList<NotificationPreferenceView>> GetPreferencesAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Category, p => p.Channels, ct);
        return NotificationCategories.All.Select(c => new NotificationPreferenceView(c, stored.GetValueOrDefault(c, NotificationChannels.Both))).ToList();
    }

    public async Task<IReadOnlyList<NotificationPreferenceView>> SetPreferencesAsync(long userId, IReadOnlyList<NotificationPreferenceView> preferences, CancellationToken ct = default)
    {
        RequestValidator.Validate(preferences, "categories");
        var unknown = preferences.Select(p => p.Category).Where(c => !NotificationCategories.All.Contains(c)).ToList();
        if (unknown.Count > 0 || preferences.Any(p => p.Channels is < NotificationChannels.None or > NotificationChannels.Both))
        {
            throw ValidationFailedException.For("categories", $"Unknown category or channel. Categories: {string.Join(", ", NotificationCategories.All)}; channels: none, in_app, email, both.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Category, ct);
        foreach (var preference in preferences)
        {
            if (stored.TryGetValue(preference.Category, out var row))
            {
                row.Channels = preference.Channels;
            }
            else
            {
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Category = preference.Category, Channels = preference.Channels });
            }
        }

        await db.SaveChangesAsync(ct);
        return await GetPreferencesAsync(userId, ct);
    }

    /// <summary>The global switches with every category's channels.</summary>
    public async Task<NotificationSettings> GetSettingsAsync(long userId, CancellationToken ct = default)
    {
        var switches = await SwitchesAsync(userId, ct);
        return new NotificationSettings(switches.HasFlag(NotificationChannels.InApp), switches.HasFlag(NotificationChannels.Email), await GetPreferencesAsync(userId, ct));
    }

    /// <summary>Changes the switches and/or categories given; the rest stay.</summary>
    public async Task<NotificationSettings> SetSettingsAsync(long userId, UpdateNotificationSettingsRequest request, CancellationToken ct = default)
    {
        if (request.Categories is { } categories)
        {
            await SetPreferencesAsync(userId, categories, ct);
        }

        if (request.InApp is not null || request.Email is not null)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("User", userId);
            user.NotificationsInApp = request.InApp ?? user.NotificationsInApp;
            user.NotificationsEmail = request.Email ?? user.NotificationsEmail;
            await db.SaveChangesAsync(ct);
        }

        return await GetSettingsAsync(userId, ct);
    }

    /// <summary>
    /// The channels a notification goes to: the category's preference within the global switches. Urgent ones go
    /// everywhere whatever the preferences and switches (P26; ADR 037 keeps that rule for the e-mail switch too).
    /// </summary>
    public async Task<NotificationChannels> ChannelsForAsync(long userId, NotificationType type, string category, CancellationToken ct = default)
    {
        if (type == NotificationType.Urgent)
        {
            return NotificationChannels.Both;
        }

        var switches = await SwitchesAsync(userId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var chosen = await db.NotificationPreferences.Where(p => p.UserId == userId && p.Category == category).Select(p => (NotificationChannels?)p.Channels).SingleOrDefaultAsync(ct)
            ?? NotificationChannels.Both;
        return chosen & switches;
    }

    private async Task<NotificationChannels> SwitchesAsync(long userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.NotificationsInApp, u.NotificationsEmail }).SingleOrDefaultAsync(ct);
        return user is null
            ? NotificationChannels.Both
            : (user.NotificationsInApp ? NotificationChannels.InApp : NotificationChannels.None) | (user.NotificationsEmail ? NotificationChannels.Email : NotificationChannels.None);
    }

    /// <summary>Archives notifications older than 30 days (for the daily job); returns how many.</summary>
    public async Task<int> ArchiveOldAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now - ArchiveAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.Where(n => n.ArchivedAt == null && n.CreatedAt < cutoff).ExecuteUpdateAsync(s => s.SetProperty(n => n.ArchivedAt, now), ct);
    }
}
