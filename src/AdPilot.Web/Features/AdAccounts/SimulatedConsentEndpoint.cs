using AdPilot.Core.Platforms.Simulated;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Mvc;

namespace AdPilot.Web.Features.AdAccounts;

/// <summary>The simulated platform's consent decision: a one-time code back to AdPilot's callback, or access_denied.</summary>
internal static class SimulatedConsentEndpoint
{
    public static void MapSimulatedConsent(this IEndpointRouteBuilder app) =>
        app.MapPost(SimulatedAdPlatform.ConsentPath, Decide).RequireAuthorization().ExcludeFromDescription();

    /// <summary>Only this host's own callback may receive codes: the consent page is not an open redirect.</summary>
    public static bool IsOwnCallback(HttpRequest request, string? redirectUri) =>
        Uri.TryCreate(redirectUri, UriKind.Absolute, out var uri)
        && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
        && uri.AbsolutePath.Equals("/api/v1/ad-accounts/callback/simulated", StringComparison.Ordinal);

    private static IResult Decide(
        HttpContext http, SimulatedAdPlatform platform,
        [FromForm(Name = "redirect_uri")] string? redirectUri, [FromForm(Name = "state")] string? state,
        [FromForm(Name = "code_challenge")] string? codeChallenge, [FromForm(Name = "decision")] string? decision)
    {
        if (!IsOwnCallback(http.Request, redirectUri) || string.IsNullOrEmpty(state))
        {
            return Results.BadRequest();
        }

        var back = new Uri(redirectUri!);
        var query = decision == "allow"
            ? $"code={Uri.EscapeDataString(platform.IssueCode(http.User.UserId(), string.IsNullOrEmpty(codeChallenge) ? null : codeChallenge, back))}&state={Uri.EscapeDataString(state)}"
            : $"error=access_denied&state={Uri.EscapeDataString(state)}";
        return Results.Redirect($"{back}?{query}");
    }
}
