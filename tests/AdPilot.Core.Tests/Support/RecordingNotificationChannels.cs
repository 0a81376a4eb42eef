using System.Collections.Concurrent;
using AdPilot.Core.Notifications;

namespace AdPilot.Core.Tests.Support;

/// <summary>Records what the notification service pushed and queued for e-mail, in order.</summary>
public sealed class RecordingNotificationChannels : INotificationPush, INotificationEmailQueue
{
    public ConcurrentQueue<(long UserId, NotificationView Notification)> Pushed { get; } = new();

    public ConcurrentQueue<long> QueuedEmails { get; } = new();

    public Task PushAsync(long userId, NotificationView notification, CancellationToken ct)
    {
        Pushed.Enqueue((userId, notification));
        return Task.CompletedTask;
    }

    public void Enqueue(long notificationId) => QueuedEmails.Enqueue(notificationId);
}
