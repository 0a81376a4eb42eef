using System.Net;
using AdPilot.Web.Tests.Support;
using MySqlConnector;

namespace AdPilot.Web.Tests.Hosting;

/// <summary>The database going away answers 503 service_unavailable with Retry-After (API and pages), and recovers.</summary>
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Sqlite_FileUnopenable_Answers503WithRetryAfter_ThenRecovers()
    {
        var folder = Path.Combine(Path.GetTempPath(), "adpilot-outage-" + Guid.NewGuid().ToString("N"));
        var live = Path.Combine(folder, "db");
        Directory.CreateDirectory(live);
        await using var factory = AdPilotFactory.With(settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:AdPilot"] = $"Data Source={Path.Combine(live, "adpilot.db")};Pooling=False",
        });
        var api = factory.CreateClient();
        await api.SignInAsync("sqlite-outage@example.com");
        var browser = factory.CreateClient();
        (await browser.PostDevLoginAsync("sqlite-outage-page@example.com")).EnsureSuccessStatusCode();

        Directory.Move(live, live + "-away");
        try
        {
            await AssertUnavailableAsync(await api.GetAsync("/api/v1/users/me"));
            var page = await browser.GetAsync("/overview");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.NotNull(page.Headers.RetryAfter);
            Assert.Contains("temporarily unavailable", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Move(live + "-away", live);
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/users/me")).StatusCode);
        Directory.Delete(folder, recursive: true);
    }

    [RealServersFact]
    public async Task MariaDb_ServerGone_Answers503WithRetryAfter_ThenRecovers()
    {
        var (proxy, factory, database) = await MariaDbBehindProxyAsync();
        await using var _ = proxy;
        try
        {
            var api = factory.CreateClient();
            await api.SignInAsync("maria-outage@example.com");

            proxy.Stop();
            await AssertUnavailableAsync(await api.GetAsync("/api/v1/users/me"));
            await AssertUnavailableAsync(await api.GetAsync("/api/v1/credits/balance"));

            proxy.Start();
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/users/me")).StatusCode);
        }
        finally
        {
            await factory.DisposeAsync();
            await RealServers.DropDatabaseAsync(database);
        }
    }

    [RealServersFact]
    public async Task MariaDb_ConnectionDroppedWhileOpening_IsRetriedAndTheReadSucceeds()
    {
        var (proxy, factory, database) = await MariaDbBehindProxyAsync();
        await using var _ = proxy;
        try
        {
            var api = factory.CreateClient();
            await api.SignInAsync("maria-retry@example.com");
            await MySqlConnection.ClearAllPoolsAsync();
            var before = proxy.Accepted;

            proxy.DropNext(1);
            var me = await api.GetAsync("/api/v1/users/me");

            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.True(proxy.Accepted >= before + 2, "the dropped connection was not retried");
        }
        finally
        {
            await factory.DisposeAsync();
            await RealServers.DropDatabaseAsync(database);
        }
    }

    private static Task<(TcpProxy Proxy, AdPilotFactory Factory, string Database)> MariaDbBehindProxyAsync()
    {
        var shared = new MySqlConnectionStringBuilder(RealServers.MySql!);
        var proxy = new TcpProxy("127.0.0.1", (int)shared.Port);
        var database = "adpilot_outage_" + Guid.NewGuid().ToString("N")[..12];
        shared.Port = (uint)proxy.Port;
        shared.Database = database;
        var factory = AdPilotFactory.With(settings: new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:AdPilot"] = shared.ConnectionString,
        });
        factory.CreateClient();
        return Task.FromResult((proxy, factory, database));
    }

    private static async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, await response.Content.ReadAsStringAsync());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("service_unavailable", (await response.ProblemAsync()).Code());
    }
}
