using AdPilot.Core.Data;
using AdPilot.Core.Tests.Support;
using System.IO.Compression;
using AdPilot.Core.Export;
using AdPilot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Export;

/// <summary>The export service over a test database, a storage, a controlled clock and recording queues.</summary>
internal sealed class ExportHarness : IAsyncDisposable
{
    private ExportHarness(TestDatabase db, IObjectStorage storage, TestStorage? local, FakeTimeProvider clock)
    {
        (Db, Storage, _local, Clock) = (db, storage, local, clock);
        Service = new DataExportService(db, storage, Queue, ServiceFactory.Notifications(db, clock, Channels), clock, Log);
    }

    private readonly TestStorage? _local;

    public TestDatabase Db { get; }
    public IObjectStorage Storage { get; }
    public FakeTimeProvider Clock { get; }
    public RecordingExportQueue Queue { get; } = new();
    public RecordingNotificationChannels Channels { get; } = new();
    public DataExportService Service { get; }
    public ErrorLog Log { get; } = new();

    public static async Task<ExportHarness> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IObjectStorage? storage = null)
    {
        var clock = TestClock.At2026();
        var local = storage is null ? new TestStorage(clock) : null;
        return new ExportHarness(await TestDatabase.CreateAsync(provider), storage ?? local!.Store, local, clock);
    }

    /// <summary>Starts an export, runs its job as Hangfire would, and returns the finished view.</summary>
    public async Task<DataExportView> ExportAsync(long userId)
    {
        var start = await Service.StartAsync(userId);
        Assert.True(start.Started);
        Assert.Equal(start.Export.Id, Queue.Ids.Last());
        await Service.RunAsync(start.Export.Id);
        Assert.True(Log.Errors.Count == 0, string.Join("\n", Log.Errors));
        return await Service.GetAsync(userId, start.Export.Id);
    }

    /// <summary>The downloaded ZIP (tests only: small exports).</summary>
    public async Task<ZipArchive> DownloadAsync(long userId, long exportId)
    {
        var download = await Service.OpenAsync(userId, exportId);
        Assert.NotNull(download.Content);
        var copy = new MemoryStream();
        await using (download.Content)
        {
            await download.Content.CopyToAsync(copy);
        }

        copy.Position = 0;
        return new ZipArchive(copy, ZipArchiveMode.Read);
    }

    public async ValueTask DisposeAsync()
    {
        _local?.Dispose();
        await Db.DisposeAsync();
    }
}

internal sealed class RecordingExportQueue : IDataExportQueue
{
    public List<long> Ids { get; } = [];

    public void Enqueue(long exportId) => Ids.Add(exportId);
}

/// <summary>The errors the service logged, so a failed run says why.</summary>
internal sealed class ErrorLog : ILogger<DataExportService>
{
    public List<string> Errors { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Errors.Add($"{formatter(state, exception)}: {exception}");
}
