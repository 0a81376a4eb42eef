using System.ComponentModel.DataAnnotations;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// A message a client sends on <c>/ws/chat</c> (snake_case JSON, unknown fields refused):
/// <c>{"type":"chat","id":"c1","conversation_id":12,"text":"…","page":{…},"attachments":[…]}</c>, <c>{"type":"cancel","id":"c1"}</c>,
/// <c>{"type":"pong"}</c> (the answer to the server's ping), or <c>{"type":"ping"}</c> (answered with a pong).
/// </summary>
public sealed record ChatSocketMessage : IValidatableObject
{
    public const string Chat = "chat";
    public const string Cancel = "cancel";
    public const string Ping = "ping";
    public const string Pong = "pong";

    [Required(AllowEmptyStrings = false), RegularExpression("^(chat|cancel|ping|pong)$", ErrorMessage = "type is chat, cancel, ping or pong.")]
    public string Type { get; init; } = "";

    /// <summary>The client's id for a chat turn: every event of the turn carries it, and cancel names it.</summary>
    [StringLength(100, MinimumLength = 1)]
    public string? Id { get; init; }

    /// <summary>The conversation to continue; none starts a new one (its id comes in <c>turn_started</c>).</summary>
    [Range(1, long.MaxValue)]
    public long? ConversationId { get; init; }

    [StringLength(AgentLimits.MaxMessageChars, ErrorMessage = "A message can be at most {1} characters.")]
    public string? Text { get; init; }

    public ChatPage? Page { get; init; }

    /// <summary>Images uploaded as creatives (<c>{"kind":"image","creative_id":12}</c>) and links (<c>{"kind":"link","url":"https://…"}</c>).</summary>
    [MaxLength(AgentLimits.MaxAttachments, ErrorMessage = "At most {1} attachments per message.")]
    public IReadOnlyList<AgentAttachment>? Attachments { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Type is Chat or Cancel && Id is null)
        {
            yield return new ValidationResult($"A {Type} message needs the turn's id.", [nameof(Id)]);
        }

        if (Type == Chat && string.IsNullOrWhiteSpace(Text))
        {
            yield return new ValidationResult("Type a message.", [nameof(Text)]);
        }
    }

    public AgentTurnRequest ToTurnRequest() => new() { ConversationId = ConversationId, Text = Text?.Trim() ?? "", Page = Page?.ToAgentPage(), Attachments = Attachments };
}
