using System.Collections.Concurrent;
using System.Net;
using AdPilot.Core.Notifications;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Notifications;

/// <summary>Real-time push over the notification hub: to the right user only, and across nodes through Redis.</summary>
public sealed class NotificationHubTests
{
    private static async Task<(HubConnection Connection, ConcurrentQueue<NotificationView> Received)> ConnectAsync(AdPilotFactory host, string accessToken)
    {
        var received = new ConcurrentQueue<NotificationView>();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, "/hubs/notifications"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .Build();
        connection.On<NotificationView>("notification", received.Enqueue);
        await connection.StartAsync();
        return (connection, received);
    }

    private static async Task<NotificationView> WaitAsync(ConcurrentQueue<NotificationView> received, string title)
    {
        for (var i = 0; i < 200; i++)
        {
            if (received.FirstOrDefault(n => n.Title == title) is { } hit)
            {
                return hit;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"\"{title}\" was not pushed.");
    }

    private static async Task<long> UserIdAsync(HttpClient client) =>
        (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, "/api/v1/users/me")).GetProperty("id").GetInt64();

    [Fact]
    public async Task Notification_IsPushedToItsUser_AndNotToAnother()
    {
        await using var host = new AdPilotFactory();
        var alice = host.CreateClient();
        var aliceTokens = await alice.SignInAsync("alice@example.com");
        var bob = host.CreateClient();
        var bobTokens = await bob.SignInAsync("bob@example.com");
        var (aliceHub, aliceReceived) = await ConnectAsync(host, aliceTokens.AccessToken);
        var (bobHub, bobReceived) = await ConnectAsync(host, bobTokens.AccessToken);
        await using (aliceHub)
        await using (bobHub)
        {
            var notifications = host.Services.GetRequiredService<NotificationService>();
            await notifications.CreateAsync(await UserIdAsync(alice), new CreateNotificationRequest { Title = "For Alice", Type = NotificationType.Important });

            var pushed = await WaitAsync(aliceReceived, "For Alice");
            Assert.Equal(NotificationType.Important, pushed.Type);
            Assert.Equal(1, await aliceHub.InvokeAsync<int>("UnreadCount"));
            await Task.Delay(300);
            Assert.Empty(bobReceived);
        }
    }

    [Fact]
    public async Task Hub_RefusesAnonymousConnections()
    {
        await using var host = new AdPilotFactory();
        var response = await host.CreateClient().PostAsync("/hubs/notifications/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [RealServersFact]
    public async Task TwoNodesSharingRedis_ANotificationCreatedOnOne_ReachesAConnectionOnTheOther()
    {
        var database = "adpilot_push_" + Guid.NewGuid().ToString("N")[..12];
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["ConnectionStrings:AdPilot"] = $"{RealServers.MySql!.TrimEnd(';')};Database={database}",
            ["ConnectionStrings:Redis"] = RealServers.Redis,
            ["Auth:Jwt:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Jobs:RedisPrefix"] = $"adpilot-test:{database}:",   // this deployment's job queues, not those of other tests
        };
        await using var nodeA = AdPilotFactory.With(settings: settings);
        await using var nodeB = AdPilotFactory.With(settings: settings);
        try
        {
            var client = nodeB.CreateClient();
            var tokens = await client.SignInAsync($"push-{Guid.NewGuid():N}@example.com");
            var (hub, received) = await ConnectAsync(nodeB, tokens.AccessToken);
            await using (hub)
            {
                var title = "Across nodes " + Guid.NewGuid().ToString("N")[..8];
                await nodeA.Services.GetRequiredService<NotificationService>()
                    .CreateAsync(await UserIdAsync(client), new CreateNotificationRequest { Title = title, Type = NotificationType.Urgent });

                Assert.Equal(NotificationType.Urgent, (await WaitAsync(received, title)).Type);
            }
        }
        finally
        {
            await RealServers.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task EmailChannel_WritesTheMailToTheFolder_ThroughTheBackgroundJob()
    {
        await using var host = new AdPilotFactory();
        var client = host.CreateClient();
        await client.SignInAsync("mailbox@example.com");
        var notifications = host.Services.GetRequiredService<NotificationService>();
        var (note, _) = await notifications.CreateAsync(await UserIdAsync(client), new CreateNotificationRequest
        {
            Title = "Token expired for Simulated Ads", Type = NotificationType.Urgent, Category = NotificationCategories.TokenExpired, Link = "/ad-accounts",
        });

        var folder = Path.Combine(host.DataDirectory, "mail");
        string? file = null;
        for (var i = 0; i < 200 && file is null; i++)
        {
            file = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").FirstOrDefault() : null;
            await Task.Delay(50);
        }

        Assert.NotNull(file);
        var mail = await MimeKit.MimeMessage.LoadAsync(file);
        Assert.Equal("[Urgent] Token expired for Simulated Ads", mail.Subject);
        Assert.Equal("mailbox@example.com", mail.To.Mailboxes.Single().Address);
        Assert.Contains("http://localhost:5080/ad-accounts", mail.TextBody);
        Assert.Contains(note.Id, (await notifications.ListAsync(await UserIdAsync(client), new NotificationQuery())).Items.Select(n => n.Id));
    }
}
