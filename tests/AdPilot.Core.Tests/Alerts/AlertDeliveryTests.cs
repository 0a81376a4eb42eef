using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdPilot.Core.Alerts;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Alerts;

public sealed class AlertDeliveryTests
{
    private static CreateNotificationRequest Note(string title, string category = NotificationCategories.Anomaly, NotificationType type = NotificationType.Important) =>
        new() { Title = title, Body = "Spend is 3× the usual for a Monday.", Category = category, Type = type, Link = "/reports?campaign=7" };

    /// <summary>
    /// A receiver's verification, written from the recipe in ADR 040 and nothing else: split the header into t and v1,
    /// HMAC-SHA256 over "{t}.{raw body}" keyed with the secret's UTF-8 bytes, compare in constant time, reject old t.
    /// </summary>
    private static bool ReceiverAccepts(string header, string rawBody, string secret, DateTimeOffset now)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        var t = long.Parse(parts["t"], CultureInfo.InvariantCulture);
        if (Math.Abs(now.ToUnixTimeSeconds() - t) > 300)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t.ToString(CultureInfo.InvariantCulture) + "." + rawBody));
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"]));
    }

    [Fact]
    public async Task Webhook_SignatureVerifiesWithTheDocumentedRecipe_AndTheBodyCarriesTheNotification()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver();
        var w = new AlertWorld(db);
        var user = await Seed.UserAsync(db);
        var channel = await w.Channels.CreateAsync(user, new CreateAlertChannelRequest { Name = "Ops", Url = receiver.Url(), Categories = [NotificationCategories.Anomaly] });

        var (note, _) = await w.Notifications.CreateAsync(user, Note("Campaign \"Spring\" is overspending"));
        await w.DrainAsync();

        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.True(ReceiverAccepts(request.Headers[WebhookSignature.Header], request.Body, channel.SigningSecret, w.Clock.GetUtcNow()));
        Assert.False(ReceiverAccepts(request.Headers[WebhookSignature.Header], request.Body.Replace("Spring", "Autumn", StringComparison.Ordinal), channel.SigningSecret, w.Clock.GetUtcNow()));
        Assert.False(ReceiverAccepts(request.Headers[WebhookSignature.Header], request.Body, WebhookSignature.NewSecret(), w.Clock.GetUtcNow()));
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal(note.Id, root.GetProperty("id").GetInt64());
        Assert.Equal(("anomaly", "important", "Campaign \"Spring\" is overspending"), (root.GetProperty("category").GetString(), root.GetProperty("type").GetString(), root.GetProperty("title").GetString()));
        Assert.Equal("https://app.adpilot.test/reports?campaign=7", root.GetProperty("link").GetString());
        Assert.Equal("2026-11-26T09:00:00Z", root.GetProperty("created_at").GetString());
        Assert.Equal("anomaly", request.Headers["X-AdPilot-Event"]);
        var log = await w.Channels.DeliveriesAsync(user, channel.Channel.Id, new AlertDeliveryQuery());
        Assert.Equal((AlertDeliveryStatus.Succeeded, 1, 200), (log.Items[0].Status, log.Items[0].Attempts, log.Items[0].HttpStatus));
    }

    [Fact]
    public async Task Receiver500s_AreRetriedWithDoublingPauses_AndTheChannelIsDisabledAfterNFailedDeliveries()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver(defaultStatus: 500);
        var w = new AlertWorld(db, new AlertOptions { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMinutes(1), DisableAfterFailures = 2 });
        var user = await Seed.UserAsync(db);
        var channel = (await w.Channels.CreateAsync(user, new CreateAlertChannelRequest { Name = "Flaky", Url = receiver.Url(), Categories = [NotificationCategories.Anomaly] })).Channel;

        await w.Notifications.CreateAsync(user, Note("first"));
        var firstPauses = await w.DrainAsync();
        var afterFirst = await w.Channels.GetAsync(user, channel.Id);
        await w.Notifications.CreateAsync(user, Note("second"));
        var secondPauses = await w.DrainAsync();
        await w.Notifications.CreateAsync(user, Note("third, after disabling"));
        await w.DrainAsync();

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], firstPauses);
        Assert.Equal(firstPauses, secondPauses);
        Assert.Equal((true, 1), (afterFirst.Enabled, afterFirst.ConsecutiveFailures));
        Assert.Equal(6, receiver.Requests.Count); // 2 deliveries × 3 attempts; nothing for the third
        var disabled = await w.Channels.GetAsync(user, channel.Id);
        Assert.False(disabled.Enabled);
        Assert.Contains("HTTP 500", disabled.DisabledReason);
        var log = await w.Channels.DeliveriesAsync(user, channel.Id, new AlertDeliveryQuery());
        Assert.Equal(2, log.Total);
        Assert.All(log.Items, d => Assert.Equal((AlertDeliveryStatus.Failed, 3, 500), (d.Status, d.Attempts, d.HttpStatus)));
        var told = await w.Notifications.ListAsync(user, new NotificationQuery { Category = NotificationCategories.System });
        Assert.Contains(told.Items, n => n.Title.Contains("\"Flaky\" was disabled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerAfterFailures_Succeeds_AndResetsTheFailureCount()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver(200, 503, 500);
        var w = new AlertWorld(db, new AlertOptions { MaxAttempts = 5, FirstRetryDelay = TimeSpan.FromSeconds(30) });
        var user = await Seed.UserAsync(db);
        var channel = (await w.Channels.CreateAsync(user, new CreateAlertChannelRequest { Name = "Ops", Url = receiver.Url(), Categories = [NotificationCategories.Anomaly] })).Channel;

        await w.Notifications.CreateAsync(user, Note("spike"));
        var pauses = await w.DrainAsync();

        Assert.Equal([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(60)], pauses);
        var delivery = Assert.Single((await w.Channels.DeliveriesAsync(user, channel.Id, new AlertDeliveryQuery())).Items);
        Assert.Equal((AlertDeliveryStatus.Succeeded, 3, (string?)null), (delivery.Status, delivery.Attempts, delivery.Error));
        Assert.Equal(0, (await w.Channels.GetAsync(user, channel.Id)).ConsecutiveFailures);
    }

    [Fact]
    public async Task Slack_GetsTextAndBlocks_WithEscapedMarkupAndAButtonBackToAdPilot()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver();
        var w = new AlertWorld(db);
        var user = await Seed.UserAsync(db);
        await SlackChannelAsync(db, user, receiver.Url("/services/T1/B2/xyz"));

        await w.Notifications.CreateAsync(user, Note("CPA <spike> & more", type: NotificationType.Urgent));
        await w.DrainAsync();

        var request = Assert.Single(receiver.Requests);
        Assert.False(request.Headers.ContainsKey(WebhookSignature.Header));
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("CPA <spike> & more: https://app.adpilot.test/reports?campaign=7", root.GetProperty("text").GetString());
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal(["section", "context", "actions"], blocks.Select(b => b.GetProperty("type").GetString()));
        Assert.Equal("mrkdwn", blocks[0].GetProperty("text").GetProperty("type").GetString());
        Assert.Equal(":rotating_light: *CPA &lt;spike&gt; &amp; more*\nSpend is 3× the usual for a Monday.", blocks[0].GetProperty("text").GetProperty("text").GetString());
        var button = blocks[2].GetProperty("elements")[0];
        Assert.Equal(("button", "https://app.adpilot.test/reports?campaign=7"), (button.GetProperty("type").GetString(), button.GetProperty("url").GetString()));
    }

    /// <summary>The service only takes hooks.slack.com for Slack, so the test stores a loopback Slack channel directly.</summary>
    internal static async Task<long> SlackChannelAsync(TestDatabase db, long user, string url, string categories = "")
    {
        await using var ctx = await ((IDbContextFactory<AppDbContext>)db).CreateDbContextAsync();
        var channel = new AlertChannel
        {
            UserId = user, Kind = AlertChannelKind.Slack, Name = "Slack", Url = url, UrlHint = "hint", SigningSecret = WebhookSignature.NewSecret(),
            Categories = categories, CreatedAt = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc), UpdatedAt = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc),
        };
        ctx.AlertChannels.Add(channel);
        await ctx.SaveChangesAsync();
        return channel.Id;
    }
}
