using System.ComponentModel.DataAnnotations;
using AdPilot.Core.Common;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The body the AI SDK's <c>useChat</c> posts (<c>{id, messages, trigger, messageId}</c>, plus what the app adds through
/// its <c>body</c> option: AdPilot reads <c>conversationId</c> and <c>page</c>). Only the last message's text is the
/// turn: the conversation's history is kept on the server, so earlier messages are accepted and not read.
/// </summary>
public sealed record ChatStreamRequest
{
    /// <summary>The client's chat id.</summary>
    [StringLength(200)]
    public string? Id { get; init; }

    /// <summary>The chat so far, oldest first; the last one is the user's new message.</summary>
    [Required, MinLength(1, ErrorMessage = "Send at least one message."), MaxLength(1_000, ErrorMessage = "Send at most {1} messages.")]
    public IReadOnlyList<UiMessage> Messages { get; init; } = [];

    /// <summary>submit-message or regenerate-message (both start a new turn with the last user message).</summary>
    [RegularExpression("^(submit-message|regenerate-message)$", ErrorMessage = "trigger is submit-message or regenerate-message.")]
    public string? Trigger { get; init; }

    [StringLength(200)]
    public string? MessageId { get; init; }

    /// <summary>The conversation to continue (from the <c>start</c> chunk's <c>messageMetadata.conversationId</c>); none starts a new one.</summary>
    [Range(1, long.MaxValue)]
    public long? ConversationId { get; init; }

    /// <summary>The page the user is on, so "this campaign" means the one they are looking at.</summary>
    public ChatPage? Page { get; init; }

    /// <summary>The turn this body asks for: the last message's text parts, which must be the user's.</summary>
    public AgentTurnRequest ToTurnRequest()
    {
        var last = Messages.Count - 1;
        var message = Messages[last];
        var text = string.Join("\n", message.Parts.Where(p => p.Type == "text").Select(p => p.Text ?? "")).Trim();
        if (message.Role != "user" || text.Length == 0)
        {
            throw ValidationFailedException.For($"messages[{last}]", "The last message must be the user's, with at least one text part.");
        }

        if (text.Length > AgentLimits.MaxMessageChars)
        {
            throw ValidationFailedException.For($"messages[{last}].parts", $"A message can be at most {AgentLimits.MaxMessageChars} characters.");
        }

        return new AgentTurnRequest { ConversationId = ConversationId, Text = text, Page = Page?.ToAgentPage(), Attachments = UiAttachments.Of(message, last) };
    }
}

/// <summary>
/// A UI message of the AI SDK. In the last (the user's) message, text parts are the message, <c>data-image</c> and
/// <c>source-url</c> parts its attachments (<see cref="UiAttachments"/>); in earlier messages every part is accepted as the SDK keeps it and not read.
/// </summary>
public sealed record UiMessage
{
    [StringLength(200)]
    public string? Id { get; init; }

    [Required, RegularExpression("^(system|user|assistant)$", ErrorMessage = "role is system, user or assistant.")]
    public string Role { get; init; } = "";

    [Required, MaxLength(1_000, ErrorMessage = "A message can have at most {1} parts.")]
    public IReadOnlyList<UiMessagePart> Parts { get; init; } = [];
}

public sealed record UiMessagePart
{
    /// <summary>text, or any other part type of the AI SDK (step-start, tool-*, data-*, file…).</summary>
    [Required(AllowEmptyStrings = false), StringLength(200)]
    public string Type { get; init; } = "";

    /// <summary>The text of a text part.</summary>
    [StringLength(200_000)]
    public string? Text { get; init; }

    /// <summary>The address of a <c>source-url</c> part (a link the user attached) or a <c>file</c> part.</summary>
    [StringLength((int)ChatStreamApi.MaxBodyBytes)]
    public string? Url { get; init; }

    /// <summary>The data of a <c>data-*</c> part; <c>data-image</c>: <c>{"creativeId": 12}</c>, the image the user uploaded as a creative.</summary>
    public System.Text.Json.JsonElement? Data { get; init; }
}
