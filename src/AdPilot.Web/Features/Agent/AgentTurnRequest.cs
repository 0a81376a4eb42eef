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

    /// <summary>Images (already uploaded as creatives) and links the user attached to the message.</summary>
    [MaxLength(AgentLimits.MaxAttachments, ErrorMessage = "At most {1} attachments per message.")]
    public IReadOnlyList<AgentAttachment>? Attachments { get; init; }
}

/// <summary>
/// Something the user attached to a message: an image they uploaded (it became a creative in their library, so the agent
/// reads its score with get_creative) or a link (the agent fetches it server-side through the SSRF guard).
/// </summary>
public sealed record AgentAttachment
{
    /// <summary>image or link.</summary>
    [Required, RegularExpression("^(image|link)$", ErrorMessage = "An attachment is an image or a link.")]
    public string Kind { get; init; } = "";

    /// <summary>The creative the image was uploaded as (images).</summary>
    [Range(1, long.MaxValue)]
    public long? CreativeId { get; init; }

    /// <summary>An absolute http(s) URL (links).</summary>
    [StringLength(2_048)]
    public string? Url { get; init; }
}

public static class AgentLimits
{
    public const int MaxMessageChars = 8_000;
    public const int MaxAttachments = 5;
}
