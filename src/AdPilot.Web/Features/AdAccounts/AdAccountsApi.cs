using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;
using AdPilot.Core.Reports;
using AdPilot.Web.Features.Identity;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.AdAccounts;

internal static class AdAccountsApi
{
    public static void MapAdAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/platforms", (AdAccountService accounts) => TypedResults.Ok(accounts.Platforms()))
            .WithTags("Ad accounts").RequireAuthorization();
        var group = app.MapGroup("/api/v1/ad-accounts").WithTags("Ad accounts").RequireAuthorization();
        group.MapPost("/connect/{platform}", Connect);
        group.MapGet("/callback/{platform}", Callback);
        group.MapGet("/", (HttpContext http, AdAccountService accounts, CancellationToken ct) => accounts.ListAsync(http.User.UserId(), ct));
        group.MapGet("/{id:long}", (long id, HttpContext http, AdAccountService accounts, CancellationToken ct) => accounts.GetAsync(http.User.UserId(), id, ct));
        group.MapDelete("/{id:long}", Unbind);
        group.MapPut("/active", SetActive);
        group.MapPost("/{id:long}/refresh-token", (long id, HttpContext http, AdAccountService accounts, CancellationToken ct) =>
            accounts.RefreshTokenAsync(http.User.UserId(), id, ct));
    }

    /// <summary>The address the platform sends the browser back to: this host's callback for the platform.</summary>
    public static Uri CallbackUri(HttpRequest request, AdPlatformKind kind) =>
        new($"{request.Scheme}://{request.Host}{request.PathBase}/api/v1/ad-accounts/callback/{PlatformNames.Slug(kind)}");

    private static AdPlatformKind Platform(string slug) =>
        PlatformNames.FromSlug(slug) ?? throw new NotFoundException("Platform", slug);

    private static async Task<Ok<ConnectResponse>> Connect(string platform, HttpContext http, AdAccountService accounts, CancellationToken ct, long? reauthorizeAccountId = null)
    {
        var kind = Platform(platform);
        var result = await accounts.ConnectAsync(http.User.UserId(), kind, CallbackUri(http.Request, kind), reauthorizeAccountId, ct);
        return TypedResults.Ok(new ConnectResponse(result.AuthorizeUrl.ToString()));
    }

    /// <summary>The browser lands here from the platform; it is sent on to the accounts page with the outcome.</summary>
    private static async Task<RedirectHttpResult> Callback(string platform, HttpContext http, AdAccountService accounts, IBackgroundJobClient jobs, CancellationToken ct,
        string? code = null, string? state = null, string? error = null)
    {
        var kind = Platform(platform);
        try
        {
            var userId = http.User.UserId();
            var bound = await accounts.CompleteAsync(userId, kind, code, state, error, ct);
            // The first metrics sync (90 days) runs in the background so the redirect stays fast.
            foreach (var account in bound.Where(a => a.LastSyncedAt is null))
            {
                jobs.Enqueue<ReportIngestion>(s => s.SyncAsync(userId, account.Id, CancellationToken.None));
            }

            return TypedResults.Redirect($"/ad-accounts?connected={bound.Count}&platform={PlatformNames.Slug(kind)}");
        }
        catch (ConflictException ex)
        {
            return TypedResults.Redirect($"/ad-accounts?error={Uri.EscapeDataString(ex.Code)}&platform={PlatformNames.Slug(kind)}");
        }
    }

    private static async Task<NoContent> Unbind(long id, HttpContext http, AdAccountService accounts, CancellationToken ct)
    {
        await accounts.UnbindAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AdAccountView>> SetActive(SetActiveRequest request, HttpContext http, AdAccountService accounts, CancellationToken ct) =>
        TypedResults.Ok(await accounts.SetActiveAsync(http.User.UserId(), request.AdAccountId, ct));
}

public sealed record ConnectResponse(string AuthorizeUrl);

public sealed record SetActiveRequest(long AdAccountId);
