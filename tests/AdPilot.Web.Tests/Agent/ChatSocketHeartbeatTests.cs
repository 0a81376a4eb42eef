using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Tests.Support;
using Hangfire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using static AdPilot.Web.Tests.Agent.ChatSocketClient;

namespace AdPilot.Web.Tests.Agent;

/// <summary>The /ws/chat heartbeat on a fake clock at the default intervals (ping every 30 s, closed after 60 s without a pong), and API tokens that live one minute.</summary>
public sealed class ChatSocketHeartbeatTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private AdPilotFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = AdPilotFactory.With(
            settings: new Dictionary<string, string?> { ["Auth:Jwt:AccessTokenMinutes"] = "1" },
            services: s =>
            {
                s.AddSingleton<TimeProvider>(_clock);
                s.AddSingleton<IBackgroundJobClient, DroppedJobs>();
                s.AddKeyedSingleton<IChatClient>(AgentSetup.ModelKey, new ScriptedChatClient((_, _, _) => Task.FromResult(ScriptedChatClient.Text("Hi."))));
            });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Heartbeat_AnsweringClientStaysOpen_SilentOneIsClosedAfterThePongTimeout()
    {
        var user = await _app.SignInAsync("ws-heartbeat@example.com");
        using var errors = new MetricCollector<long>(_app.Services.GetRequiredService<IMeterFactory>(), AgentMetrics.MeterName, "adpilot.agent.ws.errors");
        await using var socket = await ConnectAsync(_app, bearer: await _app.CreatePatAsync(user.Id));
        await RoundTripAsync(socket); // the connection's heartbeat is scheduled

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("ping", Type((await socket.ReceiveAsync())!.Value));
        await socket.SendAsync(new { type = "pong" });
        await RoundTripAsync(socket);

        _clock.Advance(TimeSpan.FromSeconds(30)); // 60 s after connecting, 30 s after the pong
        Assert.Equal("ping", Type((await socket.ReceiveAsync())!.Value));
        Assert.Equal(WebSocketState.Open, socket.Socket.State);

        _clock.Advance(TimeSpan.FromSeconds(30)); // 60 s without a pong
        Assert.Null(await socket.ReceiveAsync());
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "pong_timeout"), (socket.Socket.CloseStatus, socket.Socket.CloseStatusDescription));
        Assert.Contains(errors.GetMeasurementSnapshot(), m => (string?)m.Tags["reason"] == "pong_timeout");
    }

    [Fact]
    public async Task Heartbeat_ExpiredApiToken_ClosesTheConnection()
    {
        var user = await _app.SignInAsync("ws-expiry@example.com");
        await using var socket = await ConnectAsync(_app, bearer: user.AccessToken);
        await RoundTripAsync(socket);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("ping", Type((await socket.ReceiveAsync())!.Value));
        await socket.SendAsync(new { type = "pong" });
        await RoundTripAsync(socket);
        _clock.Advance(TimeSpan.FromSeconds(30)); // the token's minute is over

        Assert.Null(await socket.ReceiveAsync());
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "session_expired"), (socket.Socket.CloseStatus, socket.Socket.CloseStatusDescription));
    }

    /// <summary>A ping answered: the server has handled everything sent before it.</summary>
    private static async Task RoundTripAsync(ChatSocketClient socket)
    {
        await socket.SendAsync(new { type = "ping" });
        Assert.Equal("pong", Type((await socket.ReceiveAsync())!.Value));
    }
}
