using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.OAuth;

/// <summary>OAuth errors AdPilot answers itself: ProblemDetails whose <c>code</c> is the OAuth <c>error</c>, which they also carry.</summary>
internal static class OAuthProblems
{
    public static ProblemHttpResult Error(int status, string error, string description) => TypedResults.Problem(
        statusCode: status,
        detail: description,
        extensions: new Dictionary<string, object?> { ["code"] = error, ["error"] = error, ["error_description"] = description });
}
