using AdPilot.Core.Identity;

namespace AdPilot.Web.Api;

/// <summary>
/// A credential granted only <c>read</c> (a personal access token or an OAuth token) may not change anything through
/// the API: unsafe methods get 403 <c>insufficient_scope</c>. Credentials without a scope claim (browser sessions,
/// the API's own JWTs) carry full access.
/// </summary>
internal sealed class ReadOnlyScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var scopes = http.User.FindFirst(AccessScopes.Claim)?.Value;
        if (scopes is not null && !AccessScopes.Allows(scopes, AccessScopes.Write) && !IsSafe(http.Request.Method))
        {
            await ApiProblems.WriteAsync(http, StatusCodes.Status403Forbidden, "insufficient_scope",
                "This token may only read. Create one with the \"write\" scope to make changes.");
            return;
        }

        await next(http);
    }

    private static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
