using System.Collections.Concurrent;
using System.Net;
using AdPilot.Core.Alerts;
using AdPilot.Core.Common.Net;
using AdPilot.Core.Email;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Alerts;

/// <summary>The alert services wired as the host wires them, over a test database, a controlled clock and a recording queue.</summary>
internal sealed class AlertWorld
{
    public AlertWorld(TestDatabase db, AlertOptions? options = null, bool allowLoopback = true, Dictionary<string, IPAddress[]>? names = null)
    {
        Clock = TestClock.At2026();
        var safe = Options.Create(new SafeFetchOptions { TestOnlyAllowedNetworks = allowLoopback ? ["127.0.0.1/32"] : [] });
        var sender = new AlertSender(Options.Create(options ?? new AlertOptions()), safe, new MapResolver(names ?? []), Clock);
        var channels = new RecordingNotificationChannels();
        Notifications = new NotificationService(db, Clock, channels, channels, NullLogger<NotificationService>.Instance, new AlertRouter(db, Queue, Clock));
        Channels = new AlertChannelService(db, new AlertUrls(sender), Queue, Clock);
        Dispatcher = new AlertDispatcher(db, sender, Queue, Notifications, Options.Create(options ?? new AlertOptions()),
            Options.Create(new EmailOptions { LinkBaseUrl = "https://app.adpilot.test" }), Clock, NullLogger<AlertDispatcher>.Instance);
    }

    public FakeTimeProvider Clock { get; }
    public RecordingQueue Queue { get; } = new();
    public NotificationService Notifications { get; }
    public AlertChannelService Channels { get; }
    public AlertDispatcher Dispatcher { get; }

    /// <summary>Runs every queued attempt, advancing the clock to each scheduled one; returns the pauses it waited.</summary>
    public async Task<List<TimeSpan>> DrainAsync()
    {
        var pauses = new List<TimeSpan>();
        while (Queue.Items.TryDequeue(out var item))
        {
            if (item.Delay > TimeSpan.Zero)
            {
                pauses.Add(item.Delay);
                Clock.Advance(item.Delay);
            }

            await Dispatcher.AttemptAsync(item.DeliveryId);
        }

        return pauses;
    }

    internal sealed class RecordingQueue : IAlertDeliveryQueue
    {
        public ConcurrentQueue<(long DeliveryId, TimeSpan Delay)> Items { get; } = new();

        public void Enqueue(long deliveryId) => Items.Enqueue((deliveryId, TimeSpan.Zero));

        public void Schedule(long deliveryId, TimeSpan delay) => Items.Enqueue((deliveryId, delay));
    }

    private sealed class MapResolver(Dictionary<string, IPAddress[]> names) : IHostResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Task.FromResult(names.GetValueOrDefault(host, []));
    }
}
