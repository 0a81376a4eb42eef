using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Alerts;

/// <summary>Sends a stored notification to the external channels that are not in-app or e-mail (Slack, webhooks).</summary>
public interface IExternalAlerts
{
    Task QueueAsync(long userId, NotificationView notification, CancellationToken ct);
}

/// <summary>
/// Routes a stored notification to the user's enabled channels whose categories include it; an urgent notification
/// goes to every enabled channel (P26). Each channel gets one delivery row and one queued attempt.
/// </summary>
public sealed class AlertRouter(IDbContextFactory<AppDbContext> dbFactory, IAlertDeliveryQueue queue, TimeProvider clock) : IExternalAlerts
{
    public async Task QueueAsync(long userId, NotificationView notification, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channels = await db.AlertChannels.Where(c => c.UserId == userId && c.Enabled).ToListAsync(ct);
        var routed = channels.Where(c => notification.Type == NotificationType.Urgent || c.CategoryList().Contains(notification.Category)).ToList();
        if (routed.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var deliveries = routed.Select(c => new AlertDelivery
        {
            AlertChannelId = c.Id, NotificationId = notification.Id, Category = notification.Category, Title = notification.Title, CreatedAt = now,
        }).ToList();
        db.AlertDeliveries.AddRange(deliveries);
        await db.SaveChangesAsync(ct);
        foreach (var delivery in deliveries)
        {
            queue.Enqueue(delivery.Id);
        }
    }
}
