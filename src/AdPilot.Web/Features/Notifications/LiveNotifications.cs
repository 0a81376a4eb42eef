using AdPilot.Core.Notifications;

namespace AdPilot.Web.Features.Notifications;

/// <summary>Per circuit: the bell relays pushed notifications so an open notifications page can refresh itself.</summary>
public sealed class LiveNotifications
{
    public event Action<NotificationView>? Received;

    public void Publish(NotificationView notification) => Received?.Invoke(notification);
}
