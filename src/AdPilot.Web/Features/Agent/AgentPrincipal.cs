using System.Security.Claims;
using AdPilot.Core.Actions;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Mcp;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The principal the agent's tool calls run as: the signed-in user's own claims (so owner scoping and a read-only
/// credential's scope still apply), marked as the agent so the action log says who acted, and named after the conversation.
/// </summary>
public static class AgentPrincipal
{
    public static ClaimsPrincipal For(ClaimsPrincipal user, long conversationId)
    {
        var identity = new ClaimsIdentity(
            user.Claims.Where(c => c.Type is not (ToolCaller.SourceClaim or AppClaims.CredentialName)),
            user.Identity?.AuthenticationType ?? "agent", AppClaims.Email, AppClaims.Role);
        identity.AddClaim(new Claim(ToolCaller.SourceClaim, ActionSources.Agent));
        identity.AddClaim(new Claim(AppClaims.CredentialName, $"Conversation {conversationId}"));
        return new ClaimsPrincipal(identity);
    }
}
