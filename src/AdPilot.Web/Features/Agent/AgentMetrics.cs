using System.Diagnostics.Metrics;

namespace AdPilot.Web.Features.Agent;

/// <summary>The agent's metrics (meter <c>AdPilot.Agent</c>): turns by outcome, time to first token, and the chat transports' connections.</summary>
public sealed class AgentMetrics : IDisposable
{
    public const string MeterName = "AdPilot.Agent";
    private readonly Meter _meter;
    private readonly Counter<long> _turns;
    private readonly Histogram<double> _firstToken;
    private readonly UpDownCounter<long> _activeTurns;
    private readonly UpDownCounter<long> _connections;
    private readonly Counter<long> _connectionErrors;

    public AgentMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _turns = _meter.CreateCounter<long>("adpilot.agent.turns", description: "Chat turns, by outcome (finished or the failure code).");
        _firstToken = _meter.CreateHistogram<double>("adpilot.agent.first_token", "ms", "Time from a turn's start to its first streamed text.");
        _activeTurns = _meter.CreateUpDownCounter<long>("adpilot.agent.active_turns", description: "Turns running now.");
        _connections = _meter.CreateUpDownCounter<long>("adpilot.agent.ws.connections", description: "/ws/chat connections open now on this node.");
        _connectionErrors = _meter.CreateCounter<long>("adpilot.agent.ws.errors", description: "/ws/chat refusals, invalid messages and dropped connections, by reason.");
    }

    public void TurnStarted() => _activeTurns.Add(1);

    public void TurnEnded(string outcome)
    {
        _activeTurns.Add(-1);
        _turns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
    }

    public void FirstToken(TimeSpan elapsed) => _firstToken.Record(elapsed.TotalMilliseconds);

    public void ConnectionOpened() => _connections.Add(1);

    public void ConnectionClosed() => _connections.Add(-1);

    /// <param name="reason">A stable code: unauthenticated, cross_site_websocket, insufficient_scope, invalid_message, message_too_large, pong_timeout, aborted…</param>
    public void ConnectionError(string reason) => _connectionErrors.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
