using System.ComponentModel.DataAnnotations;

namespace AdPilot.Web.Features.Agent;

/// <summary>The <c>Agent:WebSocket</c> section: the heartbeat and message size of <c>/ws/chat</c>.</summary>
public sealed class ChatSocketOptions
{
    public const string Section = "Agent:WebSocket";

    /// <summary>How often the server sends <c>{"type":"ping"}</c>.</summary>
    [Range(0.01, 3_600)]
    public double PingSeconds { get; set; } = 30;

    /// <summary>A connection that sent no <c>{"type":"pong"}</c> for this long is closed (1008, <c>pong_timeout</c>).</summary>
    [Range(0.01, 3_600)]
    public double PongTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// The largest message a client may send. The default fits the longest chat message (8,000 characters) even when
    /// every character is written as a \u escape; a larger one is refused with <c>message_too_large</c>.
    /// </summary>
    [Range(1_024, 1_048_576)]
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    public TimeSpan Ping => TimeSpan.FromSeconds(PingSeconds);
    public TimeSpan PongTimeout => TimeSpan.FromSeconds(PongTimeoutSeconds);
}
