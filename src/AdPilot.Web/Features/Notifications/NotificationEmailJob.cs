using AdPilot.Core.Notifications;
using Hangfire;

namespace AdPilot.Web.Features.Notifications;

/// <summary>The persistent job behind notification e-mails: each run tries a few times, Hangfire retries failed runs.</summary>
public sealed class NotificationEmailJob(NotificationEmailDelivery delivery)
{
    [AutomaticRetry(Attempts = 5, OnAttemptsExceeded = AttemptsExceededAction.Fail)]
    public Task RunAsync(long notificationId, CancellationToken ct) => delivery.DeliverAsync(notificationId, ct);
}

internal sealed class HangfireNotificationEmailQueue(IBackgroundJobClient jobs) : INotificationEmailQueue
{
    public void Enqueue(long notificationId) => jobs.Enqueue<NotificationEmailJob>(j => j.RunAsync(notificationId, CancellationToken.None));
}
