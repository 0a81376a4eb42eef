using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// What the agent knows about the user at the start of a turn: today in their time zone, their language, their ad
/// accounts, the page they are on, and what they attached to the message. The system prompt is written from it, and the offline agent reads it from the
/// chat options (<see cref="OptionsKey"/>) to resolve "yesterday", "this campaign" and account names.
/// </summary>
public sealed record AgentContext(
    DateOnly Today,
    string TimeZone,
    string Language,
    IReadOnlyList<AgentAccount> Accounts,
    AgentPage? Page = null)
{
    public const string OptionsKey = "adpilot.context";

    /// <summary>What the user attached to this turn's message (checked, images the user's own), so no model has to parse the note.</summary>
    public IReadOnlyList<AgentAttachment> Attachments { get; init; } = [];

    public static AgentContext? From(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(OptionsKey, out var value) == true ? value as AgentContext : null;
}

/// <summary>One of the user's ad accounts as the agent sees it (never a token).</summary>
public sealed record AgentAccount(long Id, string Name, string Platform, string Currency, string TimeZone, bool NeedsReauth);

/// <summary>Where the user is in the app when they ask: "pause this" on a campaign page means that campaign.</summary>
/// <param name="EntityType">campaign, ad_set, ad, creative or ad_account; null on a page about no one entity.</param>
public sealed record AgentPage(string Path, string? EntityType = null, long? EntityId = null);
