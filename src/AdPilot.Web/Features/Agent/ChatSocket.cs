using System.Buffers;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Identity;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// One <c>/ws/chat</c> connection: reads the client's messages (each validated; a bad one is answered with an
/// <c>error</c> message and the socket stays open), runs its chat turns side by side up to the agent's per-user limit,
/// stops one on <c>cancel</c>, pings every <see cref="ChatSocketOptions.Ping"/> and closes the connection after
/// <see cref="ChatSocketOptions.PongTimeout"/> without a pong. When the connection ends, however it ends, its turns are
/// cancelled (and not charged) and awaited. An idle connection holds no buffer: it waits with a zero-byte read.
/// </summary>
internal sealed class ChatSocket(ChatSockets host, WebSocket socket, ClaimsPrincipal user, DateTimeOffset? expires) : IDisposable
{
    private const int FirstBufferBytes = 4 * 1024;
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly SemaphoreSlim _send = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, CancellationTokenSource> _turns = [];
    private readonly List<Task> _running = [];
    private long _lastPongTicks = host.Clock.GetUtcNow().UtcTicks;
    private int _closing;

    public async Task RunAsync(CancellationToken serverStopping)
    {
        Task? closedOnStop = null;
        var stopping = serverStopping.Register(() => closedOnStop = CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "server_stopping"));
        var heartbeat = HeartbeatAsync();
        try
        {
            await ReceiveAsync();
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            if (Volatile.Read(ref _closing) == 0)
            {
                host.Metrics.ConnectionError("aborted"); // the client went away without a close handshake
            }
        }
        finally
        {
            await stopping.DisposeAsync();
            await _stop.CancelAsync(); // ends the heartbeat and cancels every running turn
            await heartbeat;
            await (closedOnStop ?? Task.CompletedTask);
            Task[] running;
            lock (_turns)
            {
                running = [.. _running];
            }

            await Task.WhenAll(running);
        }
    }

    private async Task ReceiveAsync()
    {
        var ct = _stop.Token;
        var max = host.Options.MaxMessageBytes;
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(Memory<byte>.Empty, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
            try
            {
                var (length, tooLarge) = (0, false);
                while (!result.EndOfMessage)
                {
                    if (length == Math.Min(buffer.Length, max))
                    {
                        if (length == max)
                        {
                            (length, tooLarge) = (0, true); // read the rest into the same buffer and drop it
                        }
                        else
                        {
                            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max));
                            buffer.AsSpan(0, length).CopyTo(larger);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length, Math.Min(buffer.Length, max) - length), ct);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        await CloseAsync(WebSocketCloseStatus.NormalClosure, "bye");
                        return;
                    }

                    length += result.Count;
                }

                if (tooLarge || result.MessageType != WebSocketMessageType.Text)
                {
                    var code = tooLarge ? "message_too_large" : "invalid_message";
                    host.Metrics.ConnectionError(code);
                    await SendAsync(ChatSocketEvents.Error(null, code, tooLarge
                        ? $"A message can be at most {max:N0} bytes."
                        : "Send JSON text messages."));
                    continue;
                }

                await HandleAsync(buffer.AsSpan(0, length));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private Task HandleAsync(ReadOnlySpan<byte> json)
    {
        ChatSocketMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<ChatSocketMessage>(json, Json);
        }
        catch (JsonException ex)
        {
            host.Metrics.ConnectionError("invalid_json");
            var field = ex.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
            return SendAsync(ChatSocketEvents.Error(null, "invalid_json",
                "The message is not JSON of the chat protocol, or a field is unknown or has the wrong type.",
                field is null ? null : new Dictionary<string, string[]> { [field] = ["This value has the wrong type or is not a field of this message."] }));
        }

        try
        {
            RequestValidator.Validate(message ?? throw ValidationFailedException.For("type", "Send a JSON object with a type."));
        }
        catch (ValidationFailedException ex)
        {
            host.Metrics.ConnectionError(ex.Code);
            return SendAsync(ChatSocketEvents.Error(message?.Id, ex.Code, ex.Message, ex.Errors));
        }

        switch (message.Type)
        {
            case ChatSocketMessage.Pong:
                Volatile.Write(ref _lastPongTicks, host.Clock.GetUtcNow().UtcTicks);
                return Task.CompletedTask;
            case ChatSocketMessage.Ping:
                return SendAsync(ChatSocketEvents.Pong());
            case ChatSocketMessage.Cancel:
                return Cancel(message.Id!);
            default:
                return StartTurn(message);
        }
    }

    private Task Cancel(string id)
    {
        lock (_turns)
        {
            if (_turns.TryGetValue(id, out var turn))
            {
                turn.Cancel();
                return Task.CompletedTask;
            }
        }

        return SendAsync(ChatSocketEvents.Error(id, "unknown_turn", $"No turn {id} is running on this connection; it may have finished already."));
    }

    private Task StartTurn(ChatSocketMessage message)
    {
        var id = message.Id!;
        lock (_turns)
        {
            if (!_turns.ContainsKey(id))
            {
                var stop = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                _turns[id] = stop;
                _running.RemoveAll(t => t.IsCompleted);
                _running.Add(Task.Run(() => RunTurnAsync(id, message.ToTurnRequest(), stop)));
                return Task.CompletedTask;
            }
        }

        return SendAsync(ChatSocketEvents.Error(id, "duplicate_id", $"A turn with the id {id} is still running on this connection; give each message its own id."));
    }

    private async Task RunTurnAsync(string id, AgentTurnRequest request, CancellationTokenSource stop)
    {
        try
        {
            if (!await host.TryAcquireAsync(user.UserId(), stop.Token))
            {
                await SendAsync(ChatSocketEvents.Error(id, "rate_limited", "Too many requests: wait a minute, then send again."));
                return;
            }

            await using var turn = await host.Agent.StartAsync(user, request, stop.Token);
            var open = true;
            await foreach (var e in turn.RunAsync(stop.Token))
            {
                // A socket that can no longer be written stops the turn; the rest is read so it ends before it is disposed.
                if (open && !(open = await SendAsync(ChatSocketEvents.For(id, e))))
                {
                    await stop.CancelAsync();
                }
            }
        }
        catch (DomainException ex)
        {
            var details = ex is ValidationFailedException v ? new JsonObject { ["errors"] = ChatSocketEvents.Errors(v.Errors) } : null;
            await SendAsync(ChatSocketEvents.For(id, new TurnFailed(ex.Code, ex.Message, details)));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await SendAsync(ChatSocketEvents.For(id, new TurnFailed("cancelled", "Stopped. Nothing was charged.")));
        }
        catch (Exception ex)
        {
            host.Logger.LogError(ex, "A /ws/chat turn failed before it started");
            await SendAsync(ChatSocketEvents.For(id, new TurnFailed("internal_error", "Something went wrong on our side. Try again.")));
        }
        finally
        {
            lock (_turns)
            {
                _turns.Remove(id);
            }

            stop.Dispose();
        }
    }

    private async Task HeartbeatAsync()
    {
        var ct = _stop.Token;
        var clock = host.Clock;
        var (ping, timeout) = (host.Options.Ping, host.Options.PongTimeout);
        var nextPing = clock.GetUtcNow() + ping;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var now = clock.GetUtcNow();
                var lastPong = new DateTimeOffset(Volatile.Read(ref _lastPongTicks), TimeSpan.Zero);
                if (now - lastPong >= timeout || now >= expires)
                {
                    var reason = now >= expires ? "session_expired" : "pong_timeout";
                    host.Metrics.ConnectionError(reason);
                    await CloseAsync(WebSocketCloseStatus.PolicyViolation, reason);
                    return;
                }

                var sendPing = now >= nextPing;
                nextPing = sendPing ? now + ping : nextPing;

                // The next wake-up is set before the ping goes out, so it is counted from now (the client may answer at once).
                var wake = Task.Delay(new[] { nextPing, lastPong + timeout, expires ?? DateTimeOffset.MaxValue }.Min() - now, clock, ct);
                if (sendPing)
                {
                    await SendAsync(ChatSocketEvents.Ping(), ping);
                }

                await wake;
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended.
        }
    }

    /// <summary>Sends one message; false when the socket cannot take it (closed, gone, or still busy after <paramref name="wait"/>).</summary>
    private async Task<bool> SendAsync(JsonObject message, TimeSpan? wait = null)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message, Json);
        try
        {
            if (!await _send.WaitAsync(wait ?? Timeout.InfiniteTimeSpan, _stop.Token))
            {
                return false;
            }

            try
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, _stop.Token);
                return true;
            }
            finally
            {
                _send.Release();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Sends a close frame (when the socket can still take one) and ends the connection without waiting for the client's.</summary>
    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 1)
        {
            return;
        }

        try
        {
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            grace.CancelAfter(CloseGrace);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived && await _send.WaitAsync(CloseGrace, grace.Token))
            {
                try
                {
                    await socket.CloseOutputAsync(status, reason, grace.Token);
                }
                finally
                {
                    _send.Release();
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Gone already.
        }
        finally
        {
            host.Logger.LogDebug("/ws/chat connection closed: {Reason}", reason);
            await _stop.CancelAsync();
        }
    }

    public void Dispose()
    {
        _send.Dispose();
        _stop.Dispose();
    }
}
