using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace AdPilot.Core.Tests.Notifications;

public sealed class NotificationServiceTests
{
    private static CreateNotificationRequest Note(string title, NotificationType type = NotificationType.General, string category = NotificationCategories.System, string? key = null) =>
        new() { Title = title, Type = type, Category = category, DedupeKey = key };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Create_SameDedupeKey_CreatesOnce_EvenConcurrently(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var notifications = ServiceFactory.Notifications(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => notifications.CreateAsync(user, Note("Token expired", key: "token:1:episode:1")))));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Notification.Id).Distinct());
        Assert.Equal(1, await notifications.UnreadCountAsync(user));
    }

    [Fact]
    public async Task List_FiltersByTypeReadStatusAndCategory_AndPaginatesNewestFirst()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var notifications = ServiceFactory.Notifications(db, clock);
        var user = await Seed.UserAsync(db);
        for (var i = 0; i < 5; i++)
        {
            await notifications.CreateAsync(user, Note($"n{i}", i % 2 == 0 ? NotificationType.Urgent : NotificationType.General, i < 3 ? NotificationCategories.SyncFailed : NotificationCategories.System));
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var urgent = await notifications.ListAsync(user, new NotificationQuery { Type = NotificationType.Urgent });
        var sync = await notifications.ListAsync(user, new NotificationQuery { Category = NotificationCategories.SyncFailed, PageSize = 2 });

        Assert.Equal(["n4", "n2", "n0"], urgent.Items.Select(n => n.Title));
        Assert.Equal(3, sync.Total);
        Assert.Equal(["n2", "n1"], sync.Items.Select(n => n.Title));
    }

    [Fact]
    public async Task AnotherUsersNotification_IsNotFound_AndUntouched()
    {
        await using var db = await TestDatabase.CreateAsync();
        var notifications = ServiceFactory.Notifications(db, TestClock.At2026());
        var owner = await Seed.UserAsync(db, "owner@example.com");
        var other = await Seed.UserAsync(db, "other@example.com");
        var (note, _) = await notifications.CreateAsync(owner, Note("private"));

        await Assert.ThrowsAsync<NotFoundException>(() => notifications.MarkReadAsync(other, note.Id));

        Assert.Equal(1, await notifications.UnreadCountAsync(owner));
        Assert.Empty((await notifications.ListAsync(other, new NotificationQuery())).Items);
    }

    /// <summary>P27: marking read lowers the unread count by exactly one; marking again changes nothing.</summary>
    [Property(MaxTest = 20)]
    public bool MarkRead_LowersUnreadByOne_AndIsIdempotent(PositiveInt count, NonNegativeInt pick)
    {
        return Run().GetAwaiter().GetResult();

        async Task<bool> Run()
        {
            await using var db = await TestDatabase.CreateAsync();
            var notifications = ServiceFactory.Notifications(db, TestClock.At2026());
            var user = await Seed.UserAsync(db);
            var ids = new List<long>();
            for (var i = 0; i < Math.Min(count.Get, 12); i++)
            {
                ids.Add((await notifications.CreateAsync(user, Note($"n{i}"))).Notification.Id);
            }

            var target = ids[pick.Get % ids.Count];
            var before = await notifications.UnreadCountAsync(user);
            var first = await notifications.MarkReadAsync(user, target);
            var afterFirst = await notifications.UnreadCountAsync(user);
            var second = await notifications.MarkReadAsync(user, target);
            var afterSecond = await notifications.UnreadCountAsync(user);
            return first.IsRead && afterFirst == before - 1 && afterSecond == afterFirst && second.ReadAt == first.ReadAt;
        }
    }

    /// <summary>P26: urgent notifications go to both channels whatever the user's preferences.</summary>
    [Property(MaxTest = 10)]
    public bool Urgent_GoesToBothChannels_WhateverThePreferences(NonNegativeInt channel, NonNegativeInt categoryIndex)
    {
        return Run().GetAwaiter().GetResult();

        async Task<bool> Run()
        {
            await using var db = await TestDatabase.CreateAsync();
            var notifications = ServiceFactory.Notifications(db, TestClock.At2026());
            var user = await Seed.UserAsync(db);
            var category = NotificationCategories.All[categoryIndex.Get % NotificationCategories.All.Count];
            var chosen = (NotificationChannels)(channel.Get % 4);
            await notifications.SetPreferencesAsync(user, [new NotificationPreferenceView(category, chosen)]);

            return await notifications.ChannelsForAsync(user, NotificationType.Urgent, category) == NotificationChannels.Both
                && await notifications.ChannelsForAsync(user, NotificationType.General, category) == chosen;
        }
    }

    [Fact]
    public async Task ArchiveOld_HidesNotificationsOlderThan30Days()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clock = TestClock.At2026();
        var notifications = ServiceFactory.Notifications(db, clock);
        var user = await Seed.UserAsync(db);
        await notifications.CreateAsync(user, Note("old"));
        clock.Advance(TimeSpan.FromDays(29));
        await notifications.CreateAsync(user, Note("recent"));
        clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1, await notifications.ArchiveOldAsync());

        Assert.Equal(["recent"], (await notifications.ListAsync(user, new NotificationQuery())).Items.Select(n => n.Title));
        Assert.Equal(1, await notifications.UnreadCountAsync(user));
    }

    [Fact]
    public async Task Preferences_UnknownCategory_IsRefused()
    {
        await using var db = await TestDatabase.CreateAsync();
        var notifications = ServiceFactory.Notifications(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);

        await Assert.ThrowsAsync<ValidationFailedException>(() => notifications.SetPreferencesAsync(user, [new NotificationPreferenceView("pizza", NotificationChannels.Email)]));
        Assert.All(await notifications.GetPreferencesAsync(user), p => Assert.Equal(NotificationChannels.Both, p.Channels));
    }
}
