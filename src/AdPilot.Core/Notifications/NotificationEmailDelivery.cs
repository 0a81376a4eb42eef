using AdPilot.Core.Data;
using AdPilot.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Notifications;

/// <summary>
/// Sends the e-mail of one notification: a few attempts with doubling pauses, then the run fails so the job retries
/// it later. The notification itself is already stored, so a failing mail server never loses it.
/// </summary>
public sealed class NotificationEmailDelivery(
    IDbContextFactory<AppDbContext> dbFactory,
    IEmailSender sender,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<NotificationEmailDelivery> logger,
    IEnumerable<INotificationEmailComposer>? composers = null)
{
    /// <summary>Returns true when the e-mail went out (now or before); throws when every attempt of this run failed.</summary>
    public async Task<bool> DeliverAsync(long notificationId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == notificationId, ct);
        if (notification is null || notification.EmailStatus is EmailDelivery.NotRequested or EmailDelivery.Sent)
        {
            return notification?.EmailStatus == EmailDelivery.Sent;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == notification.UserId).Select(u => new { u.Email, u.Language }).SingleAsync(ct);
        var message = await ComposeAsync(notification, user.Email, user.Language, ct)
            ?? NotificationEmail.Render(notification, user.Email, user.Language, options.Value.LinkBaseUrl);
        var delay = options.Value.RetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await sender.SendAsync(message, ct);
                notification.EmailStatus = EmailDelivery.Sent;
                notification.EmailSentAt = clock.GetUtcNow().UtcDateTime;
                notification.EmailAttempts++;
                notification.EmailError = null;
                await db.SaveChangesAsync(CancellationToken.None);
                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                notification.EmailAttempts++;
                notification.EmailError = Truncate($"{ex.GetType().Name}: {ex.Message}", 1000);
                logger.LogWarning("E-mail for notification {NotificationId} failed (attempt {Attempt}): {Reason}", notificationId, attempt, notification.EmailError);
                if (attempt >= options.Value.Attempts)
                {
                    notification.EmailStatus = EmailDelivery.Failed;
                    await db.SaveChangesAsync(CancellationToken.None);
                    throw new EmailDeliveryFailedException(notificationId, ex);
                }

                await db.SaveChangesAsync(CancellationToken.None);
                await Task.Delay(delay, clock, ct);
                delay *= 2;
            }
        }
    }

    private async Task<EmailMessage?> ComposeAsync(Notification notification, string to, string language, CancellationToken ct)
    {
        foreach (var composer in composers ?? [])
        {
            if (await composer.ComposeAsync(notification, to, language, options.Value.LinkBaseUrl, ct) is { } message)
            {
                return message;
            }
        }

        return null;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

public sealed class EmailDeliveryFailedException(long notificationId, Exception inner)
    : Exception($"E-mail for notification {notificationId} could not be sent; it will be retried.", inner);
