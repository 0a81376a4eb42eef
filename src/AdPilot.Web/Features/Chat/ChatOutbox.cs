using AdPilot.Web.Features.Agent;

namespace AdPilot.Web.Features.Chat;

/// <summary>
/// Messages waiting to be sent, one turn at a time: typed while an answer was still being written, or while the
/// connection was down (the browser keeps those and hands them over on reconnect). At most <see cref="Limit"/> wait.
/// </summary>
public sealed class ChatOutbox
{
    /// <summary>The plan's number: at most 10 messages wait; the 11th is refused.</summary>
    public const int Limit = 10;

    private readonly Queue<OutgoingMessage> _waiting = new();

    public int Count => _waiting.Count;

    public IEnumerable<OutgoingMessage> Waiting => _waiting;

    public bool TryAdd(OutgoingMessage message)
    {
        if (_waiting.Count >= Limit)
        {
            return false;
        }

        _waiting.Enqueue(message);
        return true;
    }

    public bool TryTake(out OutgoingMessage message) => _waiting.TryDequeue(out message!);

    public void Clear() => _waiting.Clear();
}

/// <summary>A message the user sent, with what they attached.</summary>
public sealed record OutgoingMessage(string Text, IReadOnlyList<AgentAttachment> Attachments);
