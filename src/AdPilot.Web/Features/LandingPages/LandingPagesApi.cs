using AdPilot.Core.Common;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Api;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>REST under <c>/api/v1/landing-pages</c>: CRUD, publish, unpublish, versions, rollback, leads (+ CSV), stats, templates.</summary>
internal static class LandingPagesApi
{
    public const int DefaultStatsDays = 30;

    public static void MapLandingPagesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/landing-pages").WithTags("Landing pages").RequireAuthorization();
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/templates", ListTemplates);
        group.MapGet("/{id:long}", Get);
        group.MapPatch("/{id:long}", Update);
        group.MapDelete("/{id:long}", Delete);
        group.MapPost("/{id:long}/publish", Publish);
        group.MapPost("/{id:long}/unpublish", Unpublish);
        group.MapGet("/{id:long}/versions", ListVersions);
        group.MapPost("/{id:long}/versions/{version:int}/rollback", Rollback);
        group.MapGet("/{id:long}/leads", ListLeads);
        group.MapGet("/{id:long}/leads.csv", ExportLeads).Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/{id:long}/stats", GetStats);
    }

    private static async Task<Ok<Paged<LandingPageSummary>>> List(
        HttpContext http, LandingPageService pages, CancellationToken ct,
        string? status = null, string? search = null, string? sort = null, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await pages.ListAsync(http.User.UserId(), new LandingPageQuery
        {
            Status = QueryEnum.Parse<LandingPageStatus>(status, "status"),
            Search = search,
            Sort = QueryEnum.Parse<LandingPageSort>(sort, "sort") ?? LandingPageSort.Updated,
            Page = page,
            PageSize = pageSize,
        }, ct));

    private static async Task<Created<LandingPageView>> Create(CreateLandingPageRequest request, HttpContext http, LandingPageService pages, CancellationToken ct)
    {
        var created = await pages.CreateAsync(http.User.UserId(), request, ct);
        return TypedResults.Created($"/api/v1/landing-pages/{created.Id}", created);
    }

    /// <summary>The starting templates in a language (en, the default, or zh-CN).</summary>
    private static Ok<IReadOnlyList<LandingPageTemplate>> ListTemplates(string? language = null) =>
        TypedResults.Ok(LandingPageTemplates.For(language switch
        {
            null or "" => "en",
            "en" or "zh-CN" => language,
            _ => throw ValidationFailedException.For("language", "language must be en or zh-CN."),
        }));

    private static async Task<Ok<LandingPageView>> Get(long id, HttpContext http, LandingPageService pages, CancellationToken ct) =>
        TypedResults.Ok(await pages.GetAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<LandingPageView>> Update(long id, UpdateLandingPageRequest request, HttpContext http, LandingPageService pages, CancellationToken ct) =>
        TypedResults.Ok(await pages.UpdateAsync(http.User.UserId(), id, request, ct));

    private static async Task<NoContent> Delete(long id, HttpContext http, LandingPageService pages, CancellationToken ct)
    {
        await pages.DeleteAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<LandingPageView>> Publish(long id, HttpContext http, LandingPagePublisher publisher, CancellationToken ct) =>
        TypedResults.Ok(await publisher.PublishAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<LandingPageView>> Unpublish(long id, HttpContext http, LandingPagePublisher publisher, CancellationToken ct) =>
        TypedResults.Ok(await publisher.UnpublishAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<IReadOnlyList<LandingPageVersionView>>> ListVersions(long id, HttpContext http, LandingPageService pages, CancellationToken ct) =>
        TypedResults.Ok(await pages.ListVersionsAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<LandingPageView>> Rollback(long id, int version, HttpContext http, LandingPageService pages, CancellationToken ct) =>
        TypedResults.Ok(await pages.RollbackAsync(http.User.UserId(), id, version, ct));

    /// <summary>The page's leads, newest first: what visitors sent through its form (personal data of the owner's visitors).</summary>
    private static async Task<Ok<Paged<LeadView>>> ListLeads(long id, HttpContext http, LandingPageTracking tracking, CancellationToken ct, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await tracking.ListLeadsAsync(http.User.UserId(), id, page, pageSize, ct));

    /// <summary>Every lead as CSV, streamed: created_at, email, then one column per form field.</summary>
    private static async Task<PushStreamHttpResult> ExportLeads(long id, HttpContext http, LandingPageTracking tracking, CancellationToken ct)
    {
        var userId = http.User.UserId();
        // The owner check answers 404 before anything is streamed.
        await tracking.ListLeadsAsync(userId, id, 1, 1, ct);
        return TypedResults.Stream(output => tracking.WriteLeadsCsvAsync(userId, id, output, ct), "text/csv; charset=utf-8", $"landing-page-{id}-leads.csv");
    }

    /// <summary>Views, clicks, leads and conversion rate per UTC day, every day of the range (default: the last 30 days); at most 366 days.</summary>
    private static async Task<Ok<LandingPageStats>> GetStats(
        long id, HttpContext http, LandingPageTracking tracking, TimeProvider clock, CancellationToken ct, DateOnly? from = null, DateOnly? to = null)
    {
        var end = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(await tracking.GetStatsAsync(http.User.UserId(), id, from ?? end.AddDays(1 - DefaultStatsDays), end, ct));
    }
}
