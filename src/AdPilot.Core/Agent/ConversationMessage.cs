using AdPilot.Core.Common;

namespace AdPilot.Core.Agent;

/// <summary>
/// One message of a conversation: the user's text, or the agent's answer with the parts it showed (tool calls and
/// results, charts, tables, action cards) as JSON, and what the turn cost.
/// </summary>
public sealed class ConversationMessage : IOwned
{
    public long Id { get; set; }
    public long ConversationId { get; set; }
    public long UserId { get; set; }

    /// <summary><see cref="MessageRoles"/>.</summary>
    public string Role { get; set; } = MessageRoles.User;
    public string Text { get; set; } = "";

    /// <summary>The message's parts other than its text, in order, as a JSON array (the /api/chat part shapes).</summary>
    public string? PartsJson { get; set; }

    /// <summary><see cref="MessageStatuses"/>; an assistant message is written when its turn ends, however it ends.</summary>
    public string Status { get; set; } = MessageStatuses.Complete;
    public string? Model { get; set; }
    public int InputTokens { get; set; }
    public int OutputTokens { get; set; }
    public decimal Credits { get; set; }

    /// <summary>The credit ledger entry that charged the turn.</summary>
    public long? CreditTransactionId { get; set; }
    public DateTime CreatedAt { get; set; }
}

public static class MessageRoles
{
    public const string User = "user";
    public const string Assistant = "assistant";
}

public static class MessageStatuses
{
    public const string Complete = "complete";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
}
