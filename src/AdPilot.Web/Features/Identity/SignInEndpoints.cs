using System.ComponentModel.DataAnnotations;
using AdPilot.Core.Identity;
using AdPilot.Web.Features.Identity.Sessions;
using AdPilot.Web.Features.Users;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Identity;

/// <summary>The browser side of signing in and out: redirects and form posts, not JSON.</summary>
internal static class SignInEndpoints
{
    public static void MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/auth/google", StartGoogle).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/auth/dev-login", DevLogin).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/auth/logout", (Delegate)Logout).ExcludeFromDescription();
        app.MapGet("/culture/set", SetCulture).ExcludeFromDescription();
    }

    private static IResult StartGoogle(string? returnUrl, IOptions<GoogleSignInOptions> google)
    {
        if (!google.Value.IsConfigured)
        {
            return Results.Redirect("/login?error=google_not_configured");
        }

        var properties = new AuthenticationProperties { RedirectUri = SignInFlow.SafeReturnUrl(returnUrl) };
        return Results.Challenge(properties, [AuthSchemes.Google]);
    }

    private static async Task<IResult> DevLogin([FromForm] string? email, [FromForm] string? returnUrl, HttpContext http, DevSignIn dev)
    {
        if (!dev.IsEnabled)
        {
            return Results.NotFound();
        }

        if (string.IsNullOrWhiteSpace(email) || email.Length > 320 || !new EmailAddressAttribute().IsValid(email))
        {
            return Results.Redirect($"/login?error=invalid_email&returnUrl={Uri.EscapeDataString(SignInFlow.SafeReturnUrl(returnUrl))}");
        }

        await SignInFlow.CompleteAsync(http, AuthApi.DevIdentity(email));
        return Results.LocalRedirect(SignInFlow.SafeReturnUrl(returnUrl));
    }

    /// <summary>
    /// The form carries an antiforgery token: no other page can sign a person out. With <c>everywhere=true</c> every
    /// session of the user ends too (other browsers, API tokens), as <c>POST /api/v1/auth/logout-everywhere</c> does.
    /// </summary>
    private static async Task<IResult> Logout(HttpContext http, IAntiforgery antiforgery, TokenService tokens)
    {
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, detail: "The sign-out form expired. Reload the page and try again.",
                extensions: new Dictionary<string, object?> { ["code"] = "antiforgery_failed" });
        }

        var everywhere = http.Request.HasFormContentType && (await http.Request.ReadFormAsync(http.RequestAborted))["everywhere"] == "true";
        if (everywhere && http.User.Identity?.IsAuthenticated == true)
        {
            await tokens.RevokeAllAsync(http.User.UserId(), http.RequestAborted);
        }
        else if (http.User.Identity?.IsAuthenticated == true && http.User.SessionId() is { } session)
        {
            // The server-side session ends too, so a copy of this cookie is worthless after sign-out.
            await tokens.RevokeAsync(http.User.UserId(), null, session, http.RequestAborted);
        }

        await http.SignOutAsync(AuthSchemes.Cookie);
        return Results.LocalRedirect("/?signedOut=1");
    }

    /// <summary>Interactive pages cannot set cookies, so a language change navigates here and back.</summary>
    private static IResult SetCulture(string culture, string? returnUrl, HttpContext http)
    {
        CultureCookie.Write(http, culture);
        return Results.LocalRedirect(SignInFlow.SafeReturnUrl(returnUrl));
    }
}
