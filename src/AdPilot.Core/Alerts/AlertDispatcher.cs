using AdPilot.Core.Data;
using AdPilot.Core.Email;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Alerts;

/// <summary>
/// Makes one attempt of one delivery. A 2xx ends it; a failure schedules the next attempt after a doubling pause until
/// <c>Alerts:MaxAttempts</c>; a delivery that failed every attempt counts against its channel, which is disabled (and the
/// user told in the app) after <c>Alerts:DisableAfterFailures</c> such deliveries in a row. A test alert is tried once
/// and never counts against the channel.
/// </summary>
public sealed class AlertDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    AlertSender sender,
    IAlertDeliveryQueue queue,
    NotificationService notifications,
    IOptions<AlertOptions> options,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<AlertDispatcher> logger)
{
    public async Task<AlertDeliveryStatus> AttemptAsync(long deliveryId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await db.AlertDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null || delivery.Status is AlertDeliveryStatus.Succeeded or AlertDeliveryStatus.Failed or AlertDeliveryStatus.Skipped)
        {
            return delivery?.Status ?? AlertDeliveryStatus.Skipped;
        }

        var channel = await db.AlertChannels.SingleAsync(c => c.Id == delivery.AlertChannelId, ct);
        var message = await MessageAsync(db, delivery, ct);
        if (!channel.Enabled || message is null)
        {
            return await FinishAsync(db, delivery, AlertDeliveryStatus.Skipped, channel.Enabled ? "The notification no longer exists." : "The channel is disabled.");
        }

        var attempt = await SendAsync(channel, delivery, message, ct);
        delivery.Attempts++;
        delivery.HttpStatus = attempt.HttpStatus;
        delivery.Error = attempt.Error;
        delivery.DurationMs = attempt.DurationMs;
        if (attempt.Succeeded)
        {
            channel.ConsecutiveFailures = 0;
            return await FinishAsync(db, delivery, AlertDeliveryStatus.Succeeded, null);
        }

        logger.LogWarning("Alert delivery {DeliveryId} to channel {ChannelId} failed (attempt {Attempt}): {Reason}", delivery.Id, channel.Id, delivery.Attempts, attempt.Error);
        var isTest = delivery.NotificationId is null;
        if (!isTest && delivery.Attempts < options.Value.MaxAttempts)
        {
            var pause = options.Value.FirstRetryDelay * Math.Pow(2, delivery.Attempts - 1);
            delivery.Status = AlertDeliveryStatus.Retrying;
            delivery.NextAttemptAt = clock.GetUtcNow().UtcDateTime + pause;
            await db.SaveChangesAsync(CancellationToken.None);
            queue.Schedule(delivery.Id, pause);
            return delivery.Status;
        }

        if (!isTest && ++channel.ConsecutiveFailures >= options.Value.DisableAfterFailures)
        {
            await DisableAsync(channel, attempt.Error);
        }

        return await FinishAsync(db, delivery, AlertDeliveryStatus.Failed, attempt.Error);
    }

    private async Task<AlertAttempt> SendAsync(AlertChannel channel, AlertDelivery delivery, AlertMessage message, CancellationToken ct)
    {
        var linkBase = email.Value.LinkBaseUrl;
        if (channel.Kind == AlertChannelKind.Slack)
        {
            return await sender.PostAsync(channel.Url, AlertPayloads.Slack(message, linkBase), new Dictionary<string, string>(), ct);
        }

        var body = AlertPayloads.Webhook(message, linkBase);
        return await sender.PostAsync(channel.Url, body, new Dictionary<string, string>
        {
            [WebhookSignature.Header] = WebhookSignature.Sign(channel.SigningSecret, clock.GetUtcNow(), body),
            ["X-AdPilot-Delivery"] = delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["X-AdPilot-Event"] = message.Category,
        }, ct);
    }

    private static async Task<AlertMessage?> MessageAsync(AppDbContext db, AlertDelivery delivery, CancellationToken ct)
    {
        if (delivery.NotificationId is not { } id)
        {
            return new AlertMessage(0, delivery.Category, "general", delivery.Title,
                "This is a test alert from AdPilot. If you can read it, the channel works.", "/settings?tab=notifications", delivery.CreatedAt);
        }

        return await db.Notifications.AsNoTracking().Where(n => n.Id == id)
            .Select(n => new AlertMessage(n.Id, n.Category, n.Type.ToString().ToLowerInvariant(), n.Title, n.Body, n.Link, n.CreatedAt))
            .SingleOrDefaultAsync(ct);
    }

    private async Task DisableAsync(AlertChannel channel, string? lastError)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        channel.Enabled = false;
        channel.DisabledAt = now;
        var reason = $"Disabled after {channel.ConsecutiveFailures} deliveries in a row failed. Last error: {lastError}";
        channel.DisabledReason = reason.Length <= 300 ? reason : reason[..300];
        try
        {
            await notifications.CreateAsync(channel.UserId, new CreateNotificationRequest
            {
                Type = NotificationType.Important,
                Category = NotificationCategories.System,
                Title = $"Alert channel \"{channel.Name}\" was disabled",
                Body = $"{channel.ConsecutiveFailures} deliveries in a row failed ({lastError}). Fix the receiver, then enable the channel again in Settings > Notifications.",
                Link = "/settings?tab=notifications",
                DedupeKey = $"alert-channel-disabled:{channel.Id}:{now.Ticks}",
            }, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not tell user {UserId} that alert channel {ChannelId} was disabled", channel.UserId, channel.Id);
        }
    }

    private async Task<AlertDeliveryStatus> FinishAsync(AppDbContext db, AlertDelivery delivery, AlertDeliveryStatus status, string? error)
    {
        delivery.Status = status;
        delivery.Error = error;
        delivery.NextAttemptAt = null;
        delivery.CompletedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        return status;
    }
}
