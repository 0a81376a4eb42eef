using System.Security.Claims;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// One turn in progress: who it is for, where its events go (the transport reads them as they come, from the model's
/// stream and from tool calls alike), and the parts to store with the answer.
/// </summary>
public sealed class AgentTurnScope(long userId, long conversationId, ClaimsPrincipal principal, IServiceProvider services)
{
    private readonly Channel<AgentEvent> _events = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<JsonObject> _parts = [];
    private readonly Dictionary<string, JsonObject> _inputs = [];
    private readonly Lock _gate = new();

    public long UserId { get; } = userId;
    public long ConversationId { get; } = conversationId;

    /// <summary>The user's principal marked as the agent (<see cref="AgentPrincipal"/>).</summary>
    public ClaimsPrincipal Principal { get; } = principal;

    /// <summary>The turn's service scope, which tools are created from.</summary>
    public IServiceProvider Services { get; } = services;

    public ChannelReader<AgentEvent> Events => _events.Reader;

    public void Emit(AgentEvent e)
    {
        lock (_gate)
        {
            if (e is ToolStarted started)
            {
                _inputs[started.CallId] = started.Arguments;
            }
            else if (AgentParts.From(e, e is ToolFinished f ? _inputs.GetValueOrDefault(f.CallId) : null) is { } part)
            {
                _parts.Add(part);
            }
        }

        _events.Writer.TryWrite(e);
    }

    public void Complete() => _events.Writer.TryComplete();

    /// <summary>The parts shown so far (tool calls and results, charts, tables, action cards), as stored with the answer.</summary>
    public JsonArray Parts()
    {
        lock (_gate)
        {
            return new JsonArray(_parts.Select(p => (JsonNode?)p.DeepClone()).ToArray());
        }
    }
}
