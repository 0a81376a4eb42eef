using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Web.Api;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Campaigns;

internal static class CampaignsApi
{
    public static void MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/campaigns").WithTags("Campaigns").RequireAuthorization();
        group.MapGet("/", List);
        group.MapPost("/", Create);
        group.MapGet("/{id:long}", (long id, HttpContext http, CampaignService campaigns, CancellationToken ct) => campaigns.GetAsync(http.User.UserId(), id, ct));
        group.MapPatch("/{id:long}", (long id, UpdateCampaignRequest request, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.UpdateAsync(http.User.UserId(), id, request, ct));
        group.MapDelete("/{id:long}", Delete);
        group.MapPost("/{id:long}/pause", (long id, HttpContext http, CampaignService campaigns, CancellationToken ct) => campaigns.PauseAsync(http.User.UserId(), id, ct));
        group.MapPost("/{id:long}/resume", (long id, HttpContext http, CampaignService campaigns, CancellationToken ct) => campaigns.ResumeAsync(http.User.UserId(), id, ct));
        group.MapPost("/{id:long}/sync", (long id, HttpContext http, CampaignService campaigns, CancellationToken ct) => campaigns.SyncAsync(http.User.UserId(), id, ct));

        group.MapPost("/{id:long}/ad-sets", (long id, AdSetInput input, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.AddAdSetAsync(http.User.UserId(), id, input, ct));
        group.MapPatch("/{id:long}/ad-sets/{adSetId:long}", (long id, long adSetId, UpdateAdSetRequest request, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.UpdateAdSetAsync(http.User.UserId(), id, adSetId, request, ct));
        group.MapDelete("/{id:long}/ad-sets/{adSetId:long}", (long id, long adSetId, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.DeleteAdSetAsync(http.User.UserId(), id, adSetId, ct));
        group.MapPost("/{id:long}/ad-sets/{adSetId:long}/pause", (long id, long adSetId, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.SetAdSetStatusAsync(http.User.UserId(), id, adSetId, DeliveryStatus.Paused, ct));
        group.MapPost("/{id:long}/ad-sets/{adSetId:long}/resume", (long id, long adSetId, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.SetAdSetStatusAsync(http.User.UserId(), id, adSetId, DeliveryStatus.Active, ct));

        group.MapPost("/{id:long}/ad-sets/{adSetId:long}/ads", (long id, long adSetId, AdInput input, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.AddAdAsync(http.User.UserId(), id, adSetId, input, ct));
        group.MapPatch("/{id:long}/ads/{adId:long}", (long id, long adId, UpdateAdRequest request, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.UpdateAdAsync(http.User.UserId(), id, adId, request, ct));
        group.MapDelete("/{id:long}/ads/{adId:long}", (long id, long adId, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.DeleteAdAsync(http.User.UserId(), id, adId, ct));
        group.MapPost("/{id:long}/ads/{adId:long}/pause", (long id, long adId, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.SetAdStatusAsync(http.User.UserId(), id, adId, DeliveryStatus.Paused, ct));
        group.MapPost("/{id:long}/ads/{adId:long}/resume", (long id, long adId, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.SetAdStatusAsync(http.User.UserId(), id, adId, DeliveryStatus.Active, ct));

        app.MapPost("/api/v1/ad-accounts/{id:long}/import-campaigns", (long id, HttpContext http, CampaignService campaigns, CancellationToken ct) =>
            campaigns.ImportAsync(http.User.UserId(), id, ct)).WithTags("Ad accounts").RequireAuthorization();
    }

    private static async Task<Ok<Paged<CampaignSummary>>> List(
        HttpContext http, CampaignService campaigns, CancellationToken ct,
        long? adAccountId = null, string? status = null, string? syncStatus = null, string? search = null, string? sort = null, bool? descending = null,
        int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await campaigns.ListAsync(http.User.UserId(), new CampaignQuery
        {
            AdAccountId = adAccountId,
            Status = QueryEnum.Parse<DeliveryStatus>(status, "status"),
            SyncStatus = QueryEnum.Parse<SyncStatus>(syncStatus, "syncStatus"),
            Search = search,
            Sort = sort ?? "created",
            Descending = descending ?? sort is null or "created",
            Page = page,
            PageSize = pageSize,
        }, ct));

    private static async Task<Created<CampaignDetail>> Create(CreateCampaignRequest request, HttpContext http, CampaignService campaigns, CancellationToken ct)
    {
        var created = await campaigns.CreateAsync(http.User.UserId(), request, ct);
        return TypedResults.Created($"/api/v1/campaigns/{created.Campaign.Id}", created);
    }

    private static async Task<NoContent> Delete(long id, HttpContext http, CampaignService campaigns, CancellationToken ct)
    {
        await campaigns.DeleteAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }
}
