using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AdPilot.Web.Tests.Agent;

/// <summary>A real WebSocket client of /ws/chat over the test server, reading JSON messages one at a time (every wait is bounded).</summary>
public sealed class ChatSocketClient(WebSocket socket) : IAsyncDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public WebSocket Socket { get; } = socket;

    public static async Task<ChatSocketClient> ConnectAsync<T>(WebApplicationFactory<T> app, string? bearer = null, string? cookie = null, string? origin = null)
        where T : class
    {
        var client = app.Server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (bearer is not null)
            {
                request.Headers.Authorization = "Bearer " + bearer;
            }

            if (cookie is not null)
            {
                request.Headers.Cookie = cookie;
            }

            if (origin is not null)
            {
                request.Headers.Origin = origin;
            }
        };
        using var timeout = new CancellationTokenSource(Wait);
        return new ChatSocketClient(await client.ConnectAsync(new Uri(app.Server.BaseAddress, "/ws/chat"), timeout.Token));
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Wait);
        await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, timeout.Token);
    }

    /// <summary>The next message, or null when the server closed the connection.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(Wait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await Socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(message.ToArray()).RootElement;
    }

    /// <summary>Messages up to and including the first that <paramref name="last"/> accepts; server pings are skipped.</summary>
    public async Task<List<JsonElement>> ReceiveUntilAsync(Func<JsonElement, bool> last)
    {
        var messages = new List<JsonElement>();
        while (true)
        {
            var message = await ReceiveAsync() ?? throw new InvalidOperationException($"The server closed the connection ({Socket.CloseStatus} {Socket.CloseStatusDescription}) after {messages.Count} messages.");
            if (Type(message) == "ping")
            {
                continue;
            }

            messages.Add(message);
            if (last(message))
            {
                return messages;
            }
        }
    }

    /// <summary>The next message that is not a ping.</summary>
    public async Task<JsonElement> NextAsync() => (await ReceiveUntilAsync(_ => true))[0];

    public static string? Type(JsonElement message) => message.GetProperty("type").GetString();

    public static bool Ends(JsonElement message) => Type(message) is "turn_finished" or "turn_failed";

    public async ValueTask DisposeAsync()
    {
        if (Socket.State == WebSocketState.Open)
        {
            using var timeout = new CancellationTokenSource(Wait);
            try
            {
                await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // Already gone.
            }
        }

        Socket.Dispose();
    }
}
