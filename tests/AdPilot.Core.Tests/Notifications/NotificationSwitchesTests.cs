using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.Notifications;

public sealed class NotificationSwitchesTests
{
    private static CreateNotificationRequest Note(NotificationType type) =>
        new() { Title = "Report ready", Body = "Your weekly report is ready.", Type = type, Category = NotificationCategories.ReportReady };

    [Fact]
    public async Task EmailSwitchOff_StopsNonUrgentEmail_ButUrgentStillGoes()
    {
        await using var db = await TestDatabase.CreateAsync();
        var channels = new RecordingNotificationChannels();
        var notifications = ServiceFactory.Notifications(db, TestClock.At2026(), channels);
        var user = await Seed.UserAsync(db);

        var settings = await notifications.SetSettingsAsync(user, new UpdateNotificationSettingsRequest(Email: false));
        var (general, _) = await notifications.CreateAsync(user, Note(NotificationType.General));
        var (urgent, _) = await notifications.CreateAsync(user, Note(NotificationType.Urgent));

        Assert.Equal((true, false), (settings.InApp, settings.Email));
        Assert.Equal([urgent.Id], channels.QueuedEmails);
        Assert.Equal([general.Id, urgent.Id], channels.Pushed.Select(p => p.Notification.Id));
    }

    [Fact]
    public async Task InAppSwitchOff_HidesNonUrgentFromTheBell_AndKeepsTheCategoryChoices()
    {
        await using var db = await TestDatabase.CreateAsync();
        var channels = new RecordingNotificationChannels();
        var notifications = ServiceFactory.Notifications(db, TestClock.At2026(), channels);
        var user = await Seed.UserAsync(db);
        await notifications.SetPreferencesAsync(user, [new(NotificationCategories.ReportReady, NotificationChannels.InApp)]);

        await notifications.SetSettingsAsync(user, new UpdateNotificationSettingsRequest(InApp: false));
        var (general, _) = await notifications.CreateAsync(user, Note(NotificationType.Important));
        var (urgent, _) = await notifications.CreateAsync(user, Note(NotificationType.Urgent));

        Assert.Equal([urgent.Id], channels.Pushed.Select(p => p.Notification.Id));
        Assert.Equal([urgent.Id], (await notifications.ListAsync(user, new NotificationQuery())).Items.Select(n => n.Id));
        Assert.DoesNotContain(general.Id, channels.QueuedEmails);
        var stored = await notifications.GetSettingsAsync(user);
        Assert.False(stored.InApp);
        Assert.Equal(NotificationChannels.InApp, stored.Categories.Single(c => c.Category == NotificationCategories.ReportReady).Channels);
    }

    [Fact]
    public async Task Settings_DefaultOn_AndTurningBackOnRestoresDelivery()
    {
        await using var db = await TestDatabase.CreateAsync();
        var channels = new RecordingNotificationChannels();
        var notifications = ServiceFactory.Notifications(db, TestClock.At2026(), channels);
        var user = await Seed.UserAsync(db);
        Assert.Equal((true, true), ((await notifications.GetSettingsAsync(user)).InApp, (await notifications.GetSettingsAsync(user)).Email));

        await notifications.SetSettingsAsync(user, new UpdateNotificationSettingsRequest(false, false));
        await notifications.SetSettingsAsync(user, new UpdateNotificationSettingsRequest(Email: true));
        var (note, _) = await notifications.CreateAsync(user, Note(NotificationType.General));

        Assert.Equal([note.Id], channels.QueuedEmails);
        Assert.Empty(channels.Pushed);
    }
}
