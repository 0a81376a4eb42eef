using AdPilot.Core.Common;

namespace AdPilot.Core.Agent;

/// <summary>A chat with the agent, kept server-side so it follows the user across devices.</summary>
public sealed class Conversation : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public string Title { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
