using System.Security.Claims;
using AdPilot.Core.Actions;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Identity;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// Who is calling a tool: the user every service call is scoped to, and the actor the action log names. Tools get it
/// in their constructor; it is made from the request's principal by <see cref="GuardedTool"/>, never from arguments.
/// </summary>
public sealed record ToolCaller(long UserId, Actor Actor, bool CanWrite)
{
    /// <summary>
    /// Set on the principal of in-process callers (the agent: <see cref="ActionSources.Agent"/>) so the action log names
    /// them; absent for MCP clients. Only AdPilot's own code builds such principals: no credential carries this claim.
    /// </summary>
    public const string SourceClaim = "adpilot_actor_source";

    public static ToolCaller From(ClaimsPrincipal user, string source = ActionSources.Mcp)
    {
        source = user.FindFirst(SourceClaim)?.Value ?? source;
        var scopes = user.FindFirst(AccessScopes.Claim)?.Value;
        var client = user.FindFirst(AppClaims.CredentialName)?.Value ?? "API access token";
        return new ToolCaller(user.UserId(), new Actor(source, client), scopes is null || AccessScopes.Allows(scopes, AccessScopes.Write));
    }
}
