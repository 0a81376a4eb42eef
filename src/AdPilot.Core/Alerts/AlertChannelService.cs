using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Alerts;

/// <summary>
/// A user's alert channels: create (the signing secret shown once), list, change, rotate the secret, delete, send a
/// test alert, read the delivery log. Every call is scoped to the user; another user's channel is "not found".
/// </summary>
public sealed class AlertChannelService(IDbContextFactory<AppDbContext> dbFactory, AlertUrls urls, IAlertDeliveryQueue queue, TimeProvider clock)
{
    public const int MaxChannelsPerUser = 20;

    public async Task<IReadOnlyList<AlertChannelView>> ListAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AlertChannels.AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id).ToListAsync(ct);
        return rows.Select(AlertChannelView.Of).ToList();
    }

    public async Task<AlertChannelView> GetAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return AlertChannelView.Of(await LoadAsync(db, userId, id, ct));
    }

    public async Task<AlertChannelWithSecret> CreateAsync(long userId, CreateAlertChannelRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        var categories = Categories(request.Categories);
        await urls.CheckAsync(request.Kind, request.Url, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AlertChannels.CountAsync(c => c.UserId == userId, ct) >= MaxChannelsPerUser)
        {
            throw new ConflictException("too_many_channels", $"A user can have at most {MaxChannelsPerUser} alert channels. Delete one first.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var channel = new AlertChannel
        {
            UserId = userId, Kind = request.Kind, Name = request.Name.Trim(), Url = request.Url, UrlHint = AlertUrls.Hint(request.Url),
            SigningSecret = WebhookSignature.NewSecret(), Categories = categories, CreatedAt = now, UpdatedAt = now,
        };
        db.AlertChannels.Add(channel);
        await db.SaveChangesAsync(ct);
        return new AlertChannelWithSecret(AlertChannelView.Of(channel), channel.SigningSecret);
    }

    public async Task<AlertChannelView> UpdateAsync(long userId, long id, UpdateAlertChannelRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channel = await LoadAsync(db, userId, id, ct);
        if (request.Url is { } url)
        {
            await urls.CheckAsync(channel.Kind, url, ct);
            channel.Url = url;
            channel.UrlHint = AlertUrls.Hint(url);
        }

        channel.Name = request.Name?.Trim() ?? channel.Name;
        channel.Categories = request.Categories is { } categories ? Categories(categories) : channel.Categories;
        if (request.Enabled is { } enabled && enabled != channel.Enabled)
        {
            channel.Enabled = enabled;
            channel.ConsecutiveFailures = 0;
            channel.DisabledAt = enabled ? null : clock.GetUtcNow().UtcDateTime;
            channel.DisabledReason = enabled ? null : "Disabled by you.";
        }

        channel.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return AlertChannelView.Of(channel);
    }

    /// <summary>A new signing secret, shown this once; the old one stops working at once.</summary>
    public async Task<AlertChannelWithSecret> RotateSecretAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channel = await LoadAsync(db, userId, id, ct);
        channel.SigningSecret = WebhookSignature.NewSecret();
        channel.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new AlertChannelWithSecret(AlertChannelView.Of(channel), channel.SigningSecret);
    }

    public async Task DeleteAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.AlertChannels.Remove(await LoadAsync(db, userId, id, ct));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Queues one test alert to the channel (tried once, even when the channel is disabled it is refused).</summary>
    public async Task<AlertDeliveryView> SendTestAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channel = await LoadAsync(db, userId, id, ct);
        if (!channel.Enabled)
        {
            throw new ConflictException("channel_disabled", "The channel is disabled. Enable it first, then send a test alert.");
        }

        var delivery = new AlertDelivery
        {
            AlertChannelId = channel.Id, Category = NotificationCategories.System, Title = "Test alert from AdPilot", CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.AlertDeliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(delivery.Id);
        return AlertDeliveryView.Of(delivery);
    }

    public async Task<Paged<AlertDeliveryView>> DeliveriesAsync(long userId, long id, AlertDeliveryQuery query, CancellationToken ct = default)
    {
        RequestValidator.Validate(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        _ = await LoadAsync(db, userId, id, ct);
        var rows = db.AlertDeliveries.AsNoTracking().Where(d => d.AlertChannelId == id);
        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Paged<AlertDeliveryView>(items.Select(AlertDeliveryView.Of).ToList(), query.Page, query.PageSize, total);
    }

    private static async Task<AlertChannel> LoadAsync(AppDbContext db, long userId, long id, CancellationToken ct) =>
        await db.AlertChannels.SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct) ?? throw new NotFoundException("Alert channel", id);

    private static string Categories(IReadOnlyList<string> categories)
    {
        var unknown = categories.Where(c => !NotificationCategories.All.Contains(c)).ToList();
        if (unknown.Count > 0)
        {
            throw ValidationFailedException.For("categories", $"Unknown categories: {string.Join(", ", unknown)}. Known: {string.Join(", ", NotificationCategories.All)}.");
        }

        return AlertCategories.Format(categories);
    }
}
