using System.ComponentModel.DataAnnotations;

namespace AdPilot.Web.Features.Agent;

/// <summary>The page the user is on when they ask, as a chat transport receives it (validated, then an <see cref="AgentPage"/>).</summary>
public sealed record ChatPage
{
    /// <summary>The app's path, e.g. <c>/campaigns/42</c>.</summary>
    [Required(AllowEmptyStrings = false), StringLength(500)]
    [RegularExpression("^/.*", ErrorMessage = "The path starts with /.")]
    public string Path { get; init; } = "";

    /// <summary>campaign, ad_set, ad, creative or ad_account; none on a page about no one entity.</summary>
    [RegularExpression("^(campaign|ad_set|ad|creative|ad_account)$", ErrorMessage = "entityType is campaign, ad_set, ad, creative or ad_account.")]
    public string? EntityType { get; init; }

    [Range(1, long.MaxValue)]
    public long? EntityId { get; init; }

    public AgentPage ToAgentPage() => new(Path, EntityType, EntityId);
}
