using AdPilot.Core.Email;

namespace AdPilot.Core.Notifications;

/// <summary>
/// A feature's own e-mail for some of its notifications (the daily report's tables and chart). The first composer that
/// returns a message wins; every other notification gets the generic <see cref="NotificationEmail"/>.
/// </summary>
public interface INotificationEmailComposer
{
    Task<EmailMessage?> ComposeAsync(Notification notification, string to, string language, string linkBaseUrl, CancellationToken ct);
}
