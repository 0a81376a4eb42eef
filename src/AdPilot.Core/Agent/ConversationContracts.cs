using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Agent;

public sealed record ConversationSummary(long Id, string Title, DateTime CreatedAt, DateTime UpdatedAt);

/// <param name="PartsJson">The message's parts (tool calls, charts, tables, action cards) as the JSON array stored with it.</param>
public sealed record ConversationMessageView(
    long Id, string Role, string Text, string? PartsJson, string Status, string? Model, int InputTokens, int OutputTokens, decimal Credits, DateTime CreatedAt);

public sealed record ConversationView(long Id, string Title, DateTime CreatedAt, DateTime UpdatedAt, IReadOnlyList<ConversationMessageView> Messages);

public sealed record RenameConversationRequest
{
    [Required(AllowEmptyStrings = false, ErrorMessage = "Give the conversation a title.")]
    [StringLength(200, ErrorMessage = "A title can be at most {1} characters.")]
    public string Title { get; init; } = "";
}

public sealed record ConversationQuery
{
    [Range(1, 10_000)]
    public int Page { get; init; } = 1;

    [Range(1, 100)]
    public int PageSize { get; init; } = 20;
}

/// <summary>The agent's answer as it ended, to store after the turn.</summary>
public sealed record AssistantMessage(
    string Text, string? PartsJson, string Status, string? Model, int InputTokens, int OutputTokens, decimal Credits, long? CreditTransactionId);
