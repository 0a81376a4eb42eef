using System.Text.Json;
using AdPilot.Core.Identity;
using AdPilot.Core.Users;
using AdPilot.Web.Api;
using AdPilot.Web.Features.Identity.Sessions;
using AdPilot.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OAuth;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Features.Identity;

internal static class IdentitySetup
{
    public static void AddIdentity(this WebApplicationBuilder builder, AppPaths paths)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section));
        services.AddOptions<JwtOptions>()
            .Bind(builder.Configuration.GetSection(JwtOptions.Section))
            .PostConfigure(o => SigningKeyStore.UseLocalKeyWhenUnset(o, paths))
            .ValidatePlainly()
            .Validate(o => HasValidKey(o.SigningKey), "Auth:Jwt:SigningKey must be a base64 key of at least 32 bytes.")
            .ValidateOnStart();
        var google = builder.Configuration.GetSection(GoogleSignInOptions.Section).Get<GoogleSignInOptions>() ?? new();
        services.AddOptions<GoogleSignInOptions>().Bind(builder.Configuration.GetSection(GoogleSignInOptions.Section));
        services.AddSingleton<DevSignIn>();

        var auth = services.AddAuthentication(AuthSchemes.Smart)
            .AddPolicyScheme(AuthSchemes.Smart, "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || HubAccessToken(http.Request) is not null
                    ? BearerScheme(http.Request)
                    : AuthSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(AuthSchemes.Pat, null)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = "adpilot.session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = AdPilot.Core.Identity.Sessions.UserSessionService.BrowserLifetime;
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.ReturnUrlParameter = "returnUrl";
                o.AccessDeniedPath = "/access-denied";
                o.Events = new CookieAuthenticationEvents
                {
                    OnSigningIn = SessionChecks.OnSigningInAsync,
                    OnValidatePrincipal = SessionChecks.OnValidatePrincipalAsync,
                    OnRedirectToLogin = ctx => IsApi(ctx.Request)
                        ? ApiProblems.WriteAsync(ctx.HttpContext, StatusCodes.Status401Unauthorized, "unauthenticated", "Sign in or send a bearer token.")
                        : RedirectAsync(ctx),
                    OnRedirectToAccessDenied = ctx => IsApi(ctx.Request)
                        ? ApiProblems.WriteAsync(ctx.HttpContext, StatusCodes.Status403Forbidden, "forbidden", "You are not allowed to do this.")
                        : RedirectAsync(ctx),
                };
            })
            .AddJwtBearer(AuthSchemes.Bearer, o =>
            {
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    // Browsers cannot set headers on WebSockets: SignalR clients send the token in the query, on hubs only.
                    OnMessageReceived = ctx =>
                    {
                        ctx.Token ??= HubAccessToken(ctx.Request);
                        return Task.CompletedTask;
                    },
                    OnTokenValidated = SessionChecks.OnTokenValidatedAsync,
                    OnChallenge = ctx =>
                    {
                        ctx.HandleResponse();
                        return ApiProblems.WriteAsync(ctx.HttpContext, StatusCodes.Status401Unauthorized, "invalid_token",
                            "The bearer token is missing, expired or invalid.");
                    },
                };
            });
        services.AddOptions<JwtBearerOptions>(AuthSchemes.Bearer)
            .Configure<IOptions<JwtOptions>, TimeProvider>((o, jwt, clock) =>
            {
                o.TimeProvider = clock;
                o.TokenValidationParameters = jwt.Value.CreateValidationParameters(clock);
            });

        if (google.IsConfigured)
        {
            auth.AddGoogle(AuthSchemes.Google, o =>
            {
                o.SignInScheme = AuthSchemes.Cookie;
                o.ClientId = google.ClientId;
                o.ClientSecret = google.ClientSecret;
                o.AuthorizationEndpoint = google.AuthorizationEndpoint;
                o.TokenEndpoint = google.TokenEndpoint;
                o.UserInformationEndpoint = google.UserInformationEndpoint;
                o.CallbackPath = "/auth/google/callback";
                o.UsePkce = true;
                o.SaveTokens = false;
                // The callback is a top-level GET from Google, so Lax suffices; SameAsRequest keeps plain-http localhost working.
                o.CorrelationCookie.SameSite = SameSiteMode.Lax;
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.Events = new OAuthEvents
                {
                    OnCreatingTicket = OnGoogleTicketAsync,
                    OnRemoteFailure = ctx =>
                    {
                        ctx.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                            .CreateLogger("AdPilot.SignIn").LogWarning("Google sign-in failed: {Reason}", ctx.Failure?.Message);
                        ctx.Response.Redirect("/login?error=google_failed");
                        ctx.HandleResponse();
                        return Task.CompletedTask;
                    },
                };
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireClaim(AppClaims.Role, Roles.Admin));
        services.AddCascadingAuthenticationState();
        services.AddOptions<UserSessionOptions>().Bind(builder.Configuration.GetSection(UserSessionOptions.Section));
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SessionAuthenticationStateProvider>();
    }

    /// <summary>Swaps Google's principal for ours: the session names our user id, never Google's tokens.</summary>
    private static async Task OnGoogleTicketAsync(OAuthCreatingTicketContext ctx)
    {
        var info = ctx.User;
        var subject = info.GetProperty("sub").GetString();
        var email = info.TryGetProperty("email", out var e) ? e.GetString() : null;
        var verified = info.TryGetProperty("email_verified", out var v) && v.ValueKind == JsonValueKind.True;
        if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(email) || !verified)
        {
            ctx.Fail("Google did not return a verified e-mail address.");
            return;
        }

        var name = info.TryGetProperty("name", out var n) ? n.GetString() : null;
        var picture = info.TryGetProperty("picture", out var p) ? p.GetString() : null;
        var users = ctx.HttpContext.RequestServices.GetRequiredService<UserService>();
        var user = await users.SignInAsync(new ExternalIdentity(AuthProviders.Google, subject, email, name, picture), ctx.HttpContext.RequestAborted);
        ctx.Principal = user.ToPrincipal(AuthSchemes.Cookie);
        Users.CultureCookie.Write(ctx.HttpContext, user.Language);
    }

    /// <summary>Which bearer scheme reads this request's token: personal access tokens have a prefix; the rest are our JWTs.</summary>
    internal static string BearerScheme(HttpRequest request) =>
        PersonalAccessTokenService.LooksLikeToken(PersonalAccessTokenHandler.BearerToken(request)) ? AuthSchemes.Pat : AuthSchemes.Bearer;

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");

    private static string? HubAccessToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/hubs") && request.Query["access_token"] is { Count: 1 } token && token[0] is { Length: > 0 } value ? value : null;

    private static Task RedirectAsync(RedirectContext<CookieAuthenticationOptions> ctx)
    {
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static bool HasValidKey(string key)
    {
        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32;
    }
}
