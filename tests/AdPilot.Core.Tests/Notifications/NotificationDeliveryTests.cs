using AdPilot.Core.Email;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Tests.Notifications;

/// <summary>Channels chosen by the preferences (urgent: all), e-mail over a real SMTP server, and SMTP down.</summary>
public sealed class NotificationDeliveryTests
{
    private static CreateNotificationRequest Note(NotificationType type, string category = NotificationCategories.SyncFailed) =>
        new() { Title = "Campaign “Spring” could not be synced", Body = "Budget below minimum.", Type = type, Category = category, Link = "/campaigns/7" };

    private static NotificationEmailDelivery Delivery(TestDatabase db, TimeProvider clock, IEmailSender sender) =>
        new(db, sender, Options.Create(new EmailOptions { LinkBaseUrl = "https://app.adpilot.example", RetryDelay = TimeSpan.FromMilliseconds(10) }),
            clock, NullLogger<NotificationEmailDelivery>.Instance);

    private static SmtpEmailSender Smtp(int port) =>
        new(Options.Create(new EmailOptions { Smtp = new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None", Timeout = TimeSpan.FromSeconds(5) } }));

    [Fact]
    public async Task Preferences_ChooseTheChannels_EmailOnlyIsKeptButNotListed()
    {
        await using var db = await TestDatabase.CreateAsync();
        var channels = new RecordingNotificationChannels();
        var notifications = ServiceFactory.Notifications(db, TestClock.At2026(), channels);
        var user = await Seed.UserAsync(db);
        await notifications.SetPreferencesAsync(user, [new(NotificationCategories.SyncFailed, NotificationChannels.Email), new(NotificationCategories.System, NotificationChannels.InApp)]);

        var (emailOnly, _) = await notifications.CreateAsync(user, Note(NotificationType.General));
        var (inAppOnly, _) = await notifications.CreateAsync(user, Note(NotificationType.General, NotificationCategories.System));

        Assert.Equal([emailOnly.Id], channels.QueuedEmails);
        Assert.Equal([inAppOnly.Id], channels.Pushed.Select(p => p.Notification.Id));
        Assert.Equal([inAppOnly.Id], (await notifications.ListAsync(user, new NotificationQuery())).Items.Select(n => n.Id));
        Assert.Equal(1, await notifications.UnreadCountAsync(user));
    }

    [Fact]
    public async Task Urgent_GoesToBothChannels_EvenWhenTheCategoryIsOff()
    {
        await using var db = await TestDatabase.CreateAsync();
        var channels = new RecordingNotificationChannels();
        var notifications = ServiceFactory.Notifications(db, TestClock.At2026(), channels);
        var user = await Seed.UserAsync(db);
        await notifications.SetPreferencesAsync(user, [new(NotificationCategories.SyncFailed, NotificationChannels.None)]);

        var (urgent, _) = await notifications.CreateAsync(user, Note(NotificationType.Urgent));
        await notifications.CreateAsync(user, Note(NotificationType.Important));

        Assert.Equal([urgent.Id], channels.QueuedEmails);
        Assert.Equal([urgent.Id], channels.Pushed.Select(p => p.Notification.Id));
    }

    [Fact]
    public async Task Email_ReachesARealSmtpServer_AsHtmlAndText_InTheUsersLanguage()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var smtp = LocalSmtpServer.Start();
        var clock = TestClock.At2026();
        var channels = new RecordingNotificationChannels();
        var notifications = ServiceFactory.Notifications(db, clock, channels);
        var user = await Seed.UserAsync(db, "mei@example.com");
        await ServiceFactory.Users(db, clock).UpdateProfileAsync(user, new AdPilot.Core.Users.UpdateProfileRequest { Language = "zh-CN" });
        var (note, _) = await notifications.CreateAsync(user, Note(NotificationType.Urgent));

        Assert.True(await Delivery(db, clock, Smtp(smtp.Port)).DeliverAsync(note.Id));

        var mail = await smtp.WaitForMessageAsync();
        Assert.Equal("mei@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Equal("[紧急] Campaign “Spring” could not be synced", mail.Subject);
        Assert.Contains("https://app.adpilot.example/campaigns/7", mail.HtmlBody);
        Assert.Contains("在 AdPilot 中打开: https://app.adpilot.example/campaigns/7", mail.TextBody);
        await using var context = db.CreateDbContext();
        var stored = await context.Notifications.FindAsync(note.Id);
        Assert.Equal(EmailDelivery.Sent, stored!.EmailStatus);
        Assert.Equal(1, stored.EmailAttempts);
    }

    [Fact]
    public async Task SmtpDown_IsRetried_ThenFails_AndTheInAppNotificationIsKept()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var notifications = ServiceFactory.Notifications(db, clock);
        var user = await Seed.UserAsync(db);
        var (note, _) = await notifications.CreateAsync(user, Note(NotificationType.Urgent));
        var delivery = Delivery(db, TimeProvider.System, Smtp(LocalSmtpServer.FreePort()));

        await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => delivery.DeliverAsync(note.Id));

        await using var context = db.CreateDbContext();
        var stored = await context.Notifications.FindAsync(note.Id);
        Assert.Equal(EmailDelivery.Failed, stored!.EmailStatus);
        Assert.Equal(3, stored.EmailAttempts);
        Assert.NotNull(stored.EmailError);
        Assert.Equal([note.Id], (await notifications.ListAsync(user, new NotificationQuery())).Items.Select(n => n.Id));

        // The next run (the job's retry) after the server is back sends it once.
        await using var smtp = LocalSmtpServer.Start();
        var back = Delivery(db, TimeProvider.System, Smtp(smtp.Port));
        Assert.True(await back.DeliverAsync(note.Id));
        Assert.True(await back.DeliverAsync(note.Id));
        await smtp.WaitForMessageAsync();
        await Task.Delay(100);
        Assert.Single(smtp.Messages);
    }

    [Fact]
    public async Task MailFolder_WritesAnEmlFile_ThatParsesBack()
    {
        var folder = Directory.CreateTempSubdirectory("adpilot-mail-").FullName;
        try
        {
            var sender = new MailFolderEmailSender(Options.Create(new EmailOptions { Folder = folder }), TestClock.At2026());
            await sender.SendAsync(new EmailMessage("a@example.com", "Hello", "<p>Hi</p>", "Hi", "en"), CancellationToken.None);

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var mail = await MimeKit.MimeMessage.LoadAsync(file);
            Assert.Equal("Hello", mail.Subject);
            Assert.Equal("<p>Hi</p>", mail.HtmlBody?.Trim());
            Assert.Equal("Hi", mail.TextBody?.Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
