using AdPilot.Core.Data;
using AdPilot.Core.Export;
using AdPilot.Core.Notifications;
using AdPilot.Core.Storage;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Privacy;
using AdPilot.Web.Features.Users;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

/// <summary>Settings > Data & privacy, the export panel: start, progress while the job runs (polled on the clock), then the download.</summary>
public sealed class ExportPanelTests : UiTestContext, IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"adpilot-bunit-{Guid.NewGuid():N}.db");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"adpilot-bunit-files-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly Queue _queue = new();
    private DataExportService _exports = null!;
    private UserProfile _user = null!;

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<AppDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, $"Data Source={_file};Pooling=False", ""));
        var factory = services.BuildServiceProvider().GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        var users = new UserService(factory, _clock, Options.Create(new AdminOptions()));
        _user = await users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, "x@example.com", "x@example.com", "Xi", null));
        var storage = new LocalObjectStorage(Options.Create(new StorageOptions
        {
            Local = new LocalStorageOptions { Folder = _folder, SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 5)).ToArray()) },
        }), _clock);
        var notifications = new NotificationService(factory, _clock, _queue, _queue, NullLogger<NotificationService>.Instance);
        _exports = new DataExportService(factory, storage, _queue, notifications, _clock, NullLogger<DataExportService>.Instance);
        Services.AddSingleton(users);
        Services.AddSingleton(_exports);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddScoped<CurrentUser>();
        AddAuthorization().SetAuthorized("x@example.com").SetClaims(new System.Security.Claims.Claim("sub", _user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Export_ShowsProgressWhileTheJobRuns_ThenTheDownloadLinkAndHistory()
    {
        var panel = Render<ExportPanel>();
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=export-start]")));
        Assert.Contains("Never any access token or secret", panel.Markup, StringComparison.Ordinal);

        panel.Find("[data-testid=export-start]").Click();

        panel.WaitForAssertion(() => Assert.Contains("queued", panel.Find("[data-testid=export-step]").TextContent, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("[data-testid=export-start]")); // one at a time
        await _exports.RunAsync(Assert.Single(_queue.Exports));
        _clock.Advance(ExportPanel.PollEvery);

        panel.WaitForAssertion(() => Assert.Equal(DataExportService.DownloadPath(_queue.Exports[0]), panel.Find("[data-testid=export-download]").GetAttribute("href")));
        Assert.Single(panel.FindAll("[data-testid=export-row]"));
        Assert.Empty(panel.FindAll("[data-testid=export-progress]"));
    }

    [Fact]
    public async Task FailedExport_ShowsTheErrorAndRetryStartsAnother()
    {
        var start = await _exports.StartAsync(_user.Id);
        _clock.Advance(DataExportService.StaleAfter + TimeSpan.FromMinutes(1));
        await _exports.DeleteExpiredAsync(); // the lost export is marked failed

        var panel = Render<ExportPanel>();

        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=export-failed]")));
        Assert.Equal("Try again", panel.Find("[data-testid=export-start]").TextContent.Trim());
        panel.Find("[data-testid=export-start]").Click();
        panel.WaitForAssertion(() => Assert.NotNull(panel.Find("[data-testid=export-progress]")));
        Assert.Equal(2, _queue.Exports.Count);
        Assert.NotEqual(start.Export.Id, _queue.Exports[1]);
    }

    private sealed class Queue : IDataExportQueue, INotificationPush, INotificationEmailQueue
    {
        public List<long> Exports { get; } = [];

        void IDataExportQueue.Enqueue(long exportId) => Exports.Add(exportId);

        void INotificationEmailQueue.Enqueue(long notificationId)
        {
        }

        public Task PushAsync(long userId, NotificationView notification, CancellationToken ct) => Task.CompletedTask;
    }
}
