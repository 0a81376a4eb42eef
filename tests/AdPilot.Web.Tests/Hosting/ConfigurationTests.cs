using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Hosting;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task MySqlWithoutConnectionString_RefusesToStartWithAOneLineReason()
    {
        // The real process, as a user would start it: the reason must be one readable line, and the exit code non-zero.
        var result = await HostProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Database__Provider"] = "MySql" });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("AdPilot cannot start: Database:Provider is MySql but ConnectionStrings:AdPilot is empty; set it, or use Sqlite.", line.Trim());
    }

    [Fact]
    public async Task ShortJwtKey_RefusesToStart()
    {
        var result = await HostProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Auth__Jwt__SigningKey"] = Convert.ToBase64String(new byte[8]) });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Auth:Jwt:SigningKey must be a base64 key of at least 32 bytes.", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmbeddedDefaults_KeepEveryLocalFileUnderTheDataDirectory()
    {
        await using var factory = new AdPilotFactory();
        var client = factory.CreateClient();
        await client.SignInAsync("files@example.com");

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "adpilot.db")));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "keys", "jwt-signing.key")));
        // The Data Protection key ring lives in the database (durable, shared by nodes), not in the keys folder.
        await using var db = await factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AdPilot.Core.Data.AppDbContext>>().CreateDbContextAsync();
        Assert.NotEmpty(db.DataProtectionKeys);
    }

    [Fact]
    public async Task RecurringJobs_AreScheduled()
    {
        await using var factory = new AdPilotFactory();
        factory.CreateClient();

        using var connection = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var job = Assert.Single(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "notifications:archive");
        Assert.Equal("0 3 * * *", job.Cron);
    }

    [RealServersFact]
    public async Task MariaDbAndRedis_Configured_AreUsedAndReportedReady()
    {
        var database = "adpilot_host_" + Guid.NewGuid().ToString("N")[..12];
        await using var factory = AdPilotFactory.With(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:AdPilot"] = $"{RealServers.MySql!.TrimEnd(';')};Database={database}",
            ["ConnectionStrings:Redis"] = RealServers.Redis,
            ["Admin:Emails:0"] = "maria@example.com",
        });
        try
        {
            var client = factory.CreateClient();
            await client.SignInAsync("maria@example.com");
            var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
            Assert.Equal("maria@example.com", me.GetProperty("email").GetString());

            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.False(File.Exists(Path.Combine(factory.DataDirectory, "adpilot.db")), "SQLite must not be used when MySql is configured");

            // Hangfire keeps its state in Redis: the dashboard works and the servers registered there.
            var browser = factory.CreateClient();
            await browser.PostDevLoginAsync("maria@example.com");
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/jobs")).StatusCode);
            await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(RealServers.Redis!);
            var keys = redis.GetServers()[0].Keys(pattern: "adpilot:hangfire:*").ToList();
            Assert.NotEmpty(keys);
        }
        finally
        {
            await RealServers.DropDatabaseAsync(database);
        }
    }

    [RealServersFact]
    public async Task TwoNodesSharingRedis_ShareOneRateLimit()
    {
        var database = "adpilot_nodes_" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:AdPilot"] = $"{RealServers.MySql!.TrimEnd(';')};Database={database}",
            ["ConnectionStrings:Redis"] = RealServers.Redis,
            ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["RateLimit:PermitsPerMinute"] = "4",
            ["Jobs:RedisPrefix"] = $"adpilot-test:{database}:",
            // On a loaded 2-core CI machine a Redis answer can take over the limiter's 50 ms default; a node then counts
            // in memory on its own (the fail-open fallback), which is right in production but not what this test checks.
            ["RateLimit:RedisTimeoutMilliseconds"] = "1000",
        };
        // One frozen clock for both nodes, so all requests fall in one window, and a window no other test uses
        // (Redis is shared by the whole run, and user ids restart at 1 in every fresh database).
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(1000 + Random.Shared.Next(100_000)));
        await using var nodeA = AdPilotFactory.With(settings: settings, services: s => s.AddSingleton<TimeProvider>(clock));
        await using var nodeB = AdPilotFactory.With(settings: settings, services: s => s.AddSingleton<TimeProvider>(clock));
        try
        {
            var a = nodeA.CreateClient();
            var tokens = await a.SignInAsync($"nodes-{Guid.NewGuid():N}@example.com");
            var b = nodeB.CreateClient();
            b.DefaultRequestHeaders.Authorization = a.DefaultRequestHeaders.Authorization;

            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                statuses.Add((await a.GetAsync("/api/v1/users/me")).StatusCode);
                statuses.Add((await b.GetAsync("/api/v1/users/me")).StatusCode);
            }

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
            Assert.NotNull(tokens.AccessToken);
        }
        finally
        {
            await RealServers.DropDatabaseAsync(database);
        }
    }
}
