using AdPilot.Core.AdAccounts;
using AdPilot.Core.Anomalies;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Core.Reports;
using AdPilot.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.Anomalies;

/// <summary>
/// A user with the simulated platform's two accounts bound (USD in New York, EUR in Berlin), the report sync, the anomaly
/// service and injection, over a test database and a controlled clock.
/// </summary>
internal sealed class AnomalyWorld
{
    private static readonly Uri Callback = new("http://localhost:5080/api/v1/ad-accounts/callback/simulated");

    public required TestDatabase Db { get; init; }
    public required FakeTimeProvider Clock { get; init; }
    public required long UserId { get; init; }
    public required AdAccountView Usd { get; init; }
    public required AdAccountView Eur { get; init; }
    public required ReportIngestion Ingestion { get; init; }
    public required AnomalyService Anomalies { get; init; }
    public required AnomalyDemo Demo { get; init; }
    public required SimulatedAnomalies Injected { get; init; }
    public required RecordingNotificationChannels Channels { get; init; }

    /// <summary>At <paramref name="start"/> (UTC), with the USD account synced (its campaigns and 90 days).</summary>
    public static async Task<AnomalyWorld> CreateAsync(TestDatabase db, DateTimeOffset start, string email = "anomalies@example.com")
    {
        var clock = new FakeTimeProvider(start);
        var injected = new SimulatedAnomalies();
        var platform = new SimulatedAdPlatform(Options.Create(new SimulatedPlatformOptions()), clock, new SimulatedFaults(), injected);
        var channels = new RecordingNotificationChannels();
        var accounts = ServiceFactory.AdAccounts(db, clock, platform, channels);
        var user = await Seed.UserAsync(db, email);
        var consent = await accounts.ConnectAsync(user, AdPlatformKind.Simulated, Callback);
        var query = System.Web.HttpUtility.ParseQueryString(consent.AuthorizeUrl.Query);
        var bound = await accounts.CompleteAsync(user, AdPlatformKind.Simulated, platform.IssueCode(user, query["code_challenge"], Callback), query["state"], null);
        var options = Options.Create(new ReportOptions());
        var ingestion = new ReportIngestion(db, ServiceFactory.Campaigns(db, clock, accounts, channels), accounts, new ReportService(db, clock, options), clock, options,
            NullLogger<ReportIngestion>.Instance);
        var service = new AnomalyService(db, ServiceFactory.Notifications(db, clock, channels), clock, Options.Create(new AnomalyOptions()), NullLogger<AnomalyService>.Instance);
        var world = new AnomalyWorld
        {
            Db = db, Clock = clock, UserId = user, Usd = bound.Single(a => a.Currency == "USD"), Eur = bound.Single(a => a.Currency == "EUR"),
            Ingestion = ingestion, Anomalies = service, Demo = new AnomalyDemo(db, injected, clock), Injected = injected, Channels = channels,
        };
        await ingestion.SyncAsync(user, world.Usd.Id); // imports the campaigns and 90 days
        return world;
    }

    /// <summary>The report sync of the USD account, then one hourly run.</summary>
    public async Task<AnomalyRunResult> SyncAndRunAsync(long? accountId = null)
    {
        await Ingestion.SyncAsync(UserId, accountId ?? Usd.Id);
        return await Anomalies.RunAsync();
    }

    public async Task<long> ActiveCampaignAsync(long accountId)
    {
        await using var context = Db.CreateDbContext();
        return await context.Campaigns.Where(c => c.AdAccountId == accountId && c.Status == Core.Campaigns.DeliveryStatus.Active).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
    }

    public async Task<List<Anomaly>> EpisodesAsync()
    {
        await using var context = Db.CreateDbContext();
        return await context.Anomalies.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    public async Task<List<Core.Notifications.Notification>> AnomalyNotificationsAsync()
    {
        await using var context = Db.CreateDbContext();
        return await context.Notifications.AsNoTracking().Where(n => n.Category == "anomaly").OrderBy(n => n.Id).ToListAsync();
    }
}
