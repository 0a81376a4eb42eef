using AdPilot.Core.Data;
using AdPilot.Core.Tests.Support;
using AdPilot.Core.Common;
using AdPilot.Core.Export;
using AdPilot.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Export;

public sealed class DataExportServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OpenAsync_Before24HoursThenAfter_DownloadsThenExpired(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.CreateAsync(provider);
        var a = await Seed.UserAsync(h.Db, "a@example.com");
        var export = await h.ExportAsync(a);
        Assert.Equal(DataExportStatus.Succeeded, export.Status);
        Assert.Equal(100, export.Progress);
        Assert.Equal(h.Clock.GetUtcNow().UtcDateTime.AddHours(24), export.ExpiresAt);

        h.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var valid = await h.Service.OpenAsync(a, export.Id);
        Assert.NotNull(valid.Content);
        await valid.Content.DisposeAsync();

        h.Clock.Advance(TimeSpan.FromSeconds(1));
        var expired = await h.Service.OpenAsync(a, export.Id);
        Assert.Null(expired.Content);
        Assert.Equal(DataExportStatus.Expired, expired.Export.Status);
        Assert.Null(expired.Export.DownloadUrl);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_OtherUsersExport_NotFound(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.CreateAsync(provider);
        var a = await Seed.UserAsync(h.Db, "a@example.com");
        var b = await Seed.UserAsync(h.Db, "b@example.com");
        var export = await h.ExportAsync(a);

        await Assert.ThrowsAsync<NotFoundException>(() => h.Service.GetAsync(b, export.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => h.Service.OpenAsync(b, export.Id));
        Assert.Empty((await h.Service.ListAsync(b)).Items);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StartAsync_WhileOneIsQueued_ReturnsThatOneAndQueuesNothing(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.CreateAsync(provider);
        var a = await Seed.UserAsync(h.Db, "a@example.com");
        var b = await Seed.UserAsync(h.Db, "b@example.com");
        var first = await h.Service.StartAsync(a);

        var second = await h.Service.StartAsync(a);
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => h.Service.StartAsync(b)));

        Assert.False(second.Started);
        Assert.Equal(first.Export.Id, second.Export.Id);
        Assert.Single(concurrent, s => s.Started);
        Assert.Equal(2, h.Queue.Ids.Count);

        await h.Service.RunAsync(first.Export.Id);
        Assert.True((await h.Service.StartAsync(a)).Started); // one at a time, not one ever
    }

    [Fact]
    public async Task StartAsync_QueuedExportLostForHours_NoLongerBlocks()
    {
        await using var h = await ExportHarness.CreateAsync();
        var a = await Seed.UserAsync(h.Db, "a@example.com");
        var lost = await h.Service.StartAsync(a);
        h.Clock.Advance(DataExportService.StaleAfter + TimeSpan.FromMinutes(1));

        var again = await h.Service.StartAsync(a);

        Assert.True(again.Started);
        var old = await h.Service.GetAsync(a, lost.Export.Id);
        Assert.Equal((DataExportStatus.Failed, DataExportErrors.Interrupted), (old.Status, old.ErrorCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeleteExpiredAsync_24HoursAfterCompletion_DeletesFileAndMarksExpired(DatabaseProvider provider)
    {
        await using var h = await ExportHarness.CreateAsync(provider);
        var a = await Seed.UserAsync(h.Db, "a@example.com");
        var export = await h.ExportAsync(a);
        var key = DataExportService.StorageKey(a, export.Id);
        Assert.True(await h.Storage.ExistsAsync(key));

        h.Clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await h.Service.DeleteExpiredAsync());
        Assert.True(await h.Storage.ExistsAsync(key));

        h.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await h.Service.DeleteExpiredAsync());
        Assert.False(await h.Storage.ExistsAsync(key));
        await using var db = h.Db.CreateDbContext();
        var row = await db.DataExports.SingleAsync(e => e.Id == export.Id);
        Assert.Equal((DataExportStatus.Expired, null), (row.Status, row.StorageKey));
    }

    [Fact]
    public async Task RunAsync_Finished_ExportReadyNotificationAndEmailWithTheLink()
    {
        await using var h = await ExportHarness.CreateAsync();
        var a = await Seed.UserAsync(h.Db, "a@example.com");

        await h.ExportAsync(a);

        var (userId, notification) = Assert.Single(h.Channels.Pushed);
        Assert.Equal((a, NotificationCategories.ExportReady, "/settings?tab=data"), (userId, notification.Category, notification.Link));
        Assert.Single(h.Channels.QueuedEmails);
    }

    [Fact]
    public async Task RunAsync_StorageFails_FailedWithCodeAndRetryAllowed()
    {
        using var local = new TestStorage();
        await using var h = await ExportHarness.CreateAsync(storage: new FailingPutStorage(local.Store));
        var a = await Seed.UserAsync(h.Db, "a@example.com");
        var start = await h.Service.StartAsync(a);

        await h.Service.RunAsync(start.Export.Id);

        var failed = await h.Service.GetAsync(a, start.Export.Id);
        Assert.Equal((DataExportStatus.Failed, DataExportErrors.Failed, null), (failed.Status, failed.ErrorCode, failed.DownloadUrl));
        Assert.True((await h.Service.StartAsync(a)).Started);
    }

    [Fact]
    public async Task RunAsync_ExportDeletedWithTheAccount_DoesNothing()
    {
        await using var h = await ExportHarness.CreateAsync();
        var a = await Seed.UserAsync(h.Db, "a@example.com");
        var start = await h.Service.StartAsync(a);
        await using (var db = h.Db.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == a).ExecuteDeleteAsync();
        }

        await h.Service.RunAsync(start.Export.Id);

        Assert.Empty(h.Channels.Pushed);
    }
}
