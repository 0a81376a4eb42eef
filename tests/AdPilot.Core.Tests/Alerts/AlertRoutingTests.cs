using System.Net;
using AdPilot.Core.Alerts;
using AdPilot.Core.Common;
using AdPilot.Core.Common.Net;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.Alerts;

public sealed class AlertRoutingTests
{
    private static CreateAlertChannelRequest Channel(string name, string url, params string[] categories) => new() { Name = name, Url = url, Categories = categories };

    [Fact]
    public async Task Notifications_GoToTheChannelsRoutedForTheirCategory_AndUrgentOnesToEveryEnabledChannel()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver();
        var w = new AlertWorld(db);
        var user = await Seed.UserAsync(db);
        await w.Channels.CreateAsync(user, Channel("anomalies", receiver.Url("/a"), NotificationCategories.Anomaly));
        await w.Channels.CreateAsync(user, Channel("reviews", receiver.Url("/b"), NotificationCategories.AdRejected, NotificationCategories.ReportReady));
        await w.Channels.CreateAsync(user, Channel("urgent only", receiver.Url("/c")));
        var off = await w.Channels.CreateAsync(user, Channel("off", receiver.Url("/d"), NotificationCategories.Anomaly));
        await w.Channels.UpdateAsync(user, off.Channel.Id, new UpdateAlertChannelRequest { Enabled = false });
        await AlertDeliveryTests.SlackChannelAsync(db, await Seed.UserAsync(db, "someone-else@example.com"), receiver.Url("/other-user"), NotificationCategories.Anomaly);

        async Task<string[]> PathsAfter(string category, NotificationType type)
        {
            receiver.Requests.Clear();
            await w.Notifications.CreateAsync(user, new CreateNotificationRequest { Title = $"{category} {type}", Category = category, Type = type });
            await w.DrainAsync();
            return [.. receiver.Requests.Select(r => r.Path).Order(StringComparer.Ordinal)];
        }

        Assert.Equal(["/a"], await PathsAfter(NotificationCategories.Anomaly, NotificationType.Important));
        Assert.Equal(["/b"], await PathsAfter(NotificationCategories.ReportReady, NotificationType.General));
        Assert.Empty(await PathsAfter(NotificationCategories.CreditLow, NotificationType.Important));
        Assert.Equal(["/a", "/b", "/c"], await PathsAfter(NotificationCategories.System, NotificationType.Urgent));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/hook")]
    [InlineData("https://internal.example/hook")] // resolves to 192.168.1.10
    public async Task Create_PrivateOrLoopbackTarget_InProductionConfig_IsRefused(string url)
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = new AlertWorld(db, allowLoopback: false, names: new() { ["internal.example"] = [IPAddress.Parse("192.168.1.10")] });
        var user = await Seed.UserAsync(db);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => w.Channels.CreateAsync(user, Channel("x", url, NotificationCategories.Anomaly)));

        Assert.Equal(FetchErrors.NotAllowed, error.Code);
        Assert.Empty(await w.Channels.ListAsync(user));
    }

    [Fact]
    public async Task Delivery_ToAHostThatNowResolvesPrivately_IsRefusedAtConnectTime_AndNothingIsSent()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver();
        var w = new AlertWorld(db, new AlertOptions { MaxAttempts = 1 }, allowLoopback: false);
        var user = await Seed.UserAsync(db);
        // Stored directly: as if the name resolved publicly when the channel was made and points at loopback now.
        var channel = await AlertDeliveryTests.SlackChannelAsync(db, user, receiver.Url("/rebound"), NotificationCategories.Anomaly);

        await w.Notifications.CreateAsync(user, new CreateNotificationRequest { Title = "spike", Category = NotificationCategories.Anomaly });
        await w.DrainAsync();

        Assert.Empty(receiver.Requests);
        var delivery = Assert.Single((await w.Channels.DeliveriesAsync(user, channel, new AlertDeliveryQuery())).Items);
        Assert.Equal(AlertDeliveryStatus.Failed, delivery.Status);
        Assert.Contains("loopback", delivery.Error);
        Assert.DoesNotContain("127.0.0.1", delivery.Error);
    }

    [Fact]
    public async Task Slack_RequiresSlacksWebhookHost_AndTheUrlIsShownMasked()
    {
        await using var db = await TestDatabase.CreateAsync();
        var w = new AlertWorld(db, names: new() { ["hooks.slack.com"] = [IPAddress.Parse("54.1.2.3")] });
        var user = await Seed.UserAsync(db);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            w.Channels.CreateAsync(user, new CreateAlertChannelRequest { Kind = AlertChannelKind.Slack, Name = "s", Url = "https://example.com/services/x" }));
        var created = await w.Channels.CreateAsync(user, new CreateAlertChannelRequest
        {
            Kind = AlertChannelKind.Slack, Name = "s", Url = "https://hooks.slack.com/services/T000/B000/abcdefSECRETwxyz",
        });

        Assert.Equal(FetchErrors.NotAllowed, refused.Code);
        Assert.Equal("https://hooks.slack.com/…wxyz", created.Channel.UrlHint);
        Assert.DoesNotContain("SECRET", System.Text.Json.JsonSerializer.Serialize(await w.Channels.ListAsync(user)));
    }

    [Fact]
    public async Task AnotherUsersChannel_IsNotFound_ForEveryOperation_AndUntouched()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver();
        var w = new AlertWorld(db);
        var owner = await Seed.UserAsync(db, "owner@example.com");
        var other = await Seed.UserAsync(db, "other@example.com");
        var id = (await w.Channels.CreateAsync(owner, Channel("mine", receiver.Url(), NotificationCategories.Anomaly))).Channel.Id;

        await Assert.ThrowsAsync<NotFoundException>(() => w.Channels.GetAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Channels.UpdateAsync(other, id, new UpdateAlertChannelRequest { Enabled = false }));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Channels.RotateSecretAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Channels.SendTestAsync(other, id));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Channels.DeliveriesAsync(other, id, new AlertDeliveryQuery()));
        await Assert.ThrowsAsync<NotFoundException>(() => w.Channels.DeleteAsync(other, id));

        Assert.Empty(await w.Channels.ListAsync(other));
        Assert.True((await w.Channels.GetAsync(owner, id)).Enabled);
        Assert.Empty(w.Queue.Items);
    }

    [Fact]
    public async Task TestAlert_IsTriedOnce_AndRotatingTheSecretChangesTheSignature()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var receiver = new WebhookReceiver();
        var w = new AlertWorld(db);
        var user = await Seed.UserAsync(db);
        var created = await w.Channels.CreateAsync(user, Channel("ops", receiver.Url()));
        var rotated = await w.Channels.RotateSecretAsync(user, created.Channel.Id);

        var queued = await w.Channels.SendTestAsync(user, created.Channel.Id);
        await w.DrainAsync();

        Assert.NotEqual(created.SigningSecret, rotated.SigningSecret);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal(WebhookSignature.Sign(rotated.SigningSecret, w.Clock.GetUtcNow(), request.Body), request.Headers[WebhookSignature.Header]);
        Assert.Contains("test alert", request.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(AlertDeliveryStatus.Succeeded, (await w.Channels.DeliveriesAsync(user, created.Channel.Id, new AlertDeliveryQuery())).Items.Single(d => d.Id == queued.Id).Status);
    }
}
