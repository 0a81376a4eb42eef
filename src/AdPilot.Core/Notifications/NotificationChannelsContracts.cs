namespace AdPilot.Core.Notifications;

/// <summary>Pushes a stored in-app notification to the user's open pages (SignalR in the host, across nodes with Redis).</summary>
public interface INotificationPush
{
    Task PushAsync(long userId, NotificationView notification, CancellationToken ct);
}

/// <summary>Queues the e-mail of a stored notification for delivery (a persistent background job in the host).</summary>
public interface INotificationEmailQueue
{
    void Enqueue(long notificationId);
}
