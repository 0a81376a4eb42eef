using System.ComponentModel.DataAnnotations;

namespace AdPilot.Web.Features.Agent;

/// <summary>One user message to the agent.</summary>
public sealed record AgentTurnRequest
{
    /// <summary>The conversation to continue; null starts a new one.</summary>
    [Range(1, long.MaxValue)]
    public long? ConversationId { get; init; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Type a message.")]
    [StringLength(AgentLimits.MaxMessageChars, ErrorMessage = "A message can be at most {1} characters.")]
    public string Text { get; init; } = "";

    /// <summary>The page the user is on, so "this campaign" means the one they are looking at.</summary>
    public AgentPage? Page { get; init; }
}

public static class AgentLimits
{
    public const int MaxMessageChars = 8_000;
}
