using AdPilot.Core.Anomalies;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Anomalies;

internal static class AnomaliesApi
{
    public static void MapAnomaliesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/anomalies").WithTags("Anomalies").RequireAuthorization();
        group.MapGet("/", ListAnomalies);
        group.MapGet("/mutes", ListAnomalyMutes);
        group.MapPost("/mutes", MuteAnomalies);
        group.MapDelete("/mutes/{id:long}", UnmuteAnomalies);
        if (app is WebApplication { Environment: var environment } && environment.IsDevelopment())
        {
            app.MapSimulatedAnomalyInjection();
        }
    }

    /// <summary>Anomaly episodes, newest first: <c>status</c> open (default), resolved or all; filters by account, campaign, type and day.</summary>
    private static async Task<Ok<Paged<AnomalyView>>> ListAnomalies(
        HttpContext http, AnomalyService anomalies, CancellationToken ct,
        string? status = null, long? adAccountId = null, long? campaignId = null, string? type = null, DateOnly? from = null, DateOnly? to = null,
        int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await anomalies.ListAsync(http.User.UserId(), new AnomalyQuery
        {
            Status = status ?? "open", AdAccountId = adAccountId, CampaignId = campaignId, Type = type, From = from, To = to, Page = page, PageSize = pageSize,
        }, ct));

    private static async Task<Ok<IReadOnlyList<AnomalyMuteView>>> ListAnomalyMutes(HttpContext http, AnomalyService anomalies, CancellationToken ct) =>
        TypedResults.Ok(await anomalies.ListMutesAsync(http.User.UserId(), ct));

    private static async Task<Created<AnomalyMuteView>> MuteAnomalies(MuteAnomaliesRequest request, HttpContext http, AnomalyService anomalies, CancellationToken ct)
    {
        var mute = await anomalies.MuteAsync(http.User.UserId(), request, ct);
        return TypedResults.Created($"/api/v1/anomalies/mutes/{mute.Id}", mute);
    }

    private static async Task<NoContent> UnmuteAnomalies(long id, HttpContext http, AnomalyService anomalies, CancellationToken ct)
    {
        await anomalies.UnmuteAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }
}
