using AdPilot.Core.Alerts;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Alerts;

internal static class AlertChannelsApi
{
    public static void MapAlertChannelsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/alert-channels").WithTags("Alert channels").RequireAuthorization();
        group.MapGet("/", ListAlertChannels);
        group.MapPost("/", CreateAlertChannel);
        group.MapGet("/{id:long}", GetAlertChannel);
        group.MapPatch("/{id:long}", UpdateAlertChannel);
        group.MapDelete("/{id:long}", DeleteAlertChannel);
        group.MapPost("/{id:long}/rotate-secret", RotateAlertChannelSecret);
        group.MapPost("/{id:long}/test", SendTestAlert);
        group.MapGet("/{id:long}/deliveries", ListAlertDeliveries);
    }

    private static async Task<Ok<IReadOnlyList<AlertChannelView>>> ListAlertChannels(HttpContext http, AlertChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.ListAsync(http.User.UserId(), ct));

    /// <summary>The answer carries the signing secret; it is never shown again (rotate it to get a new one).</summary>
    private static async Task<Created<AlertChannelWithSecret>> CreateAlertChannel(CreateAlertChannelRequest request, HttpContext http, AlertChannelService channels, CancellationToken ct)
    {
        var created = await channels.CreateAsync(http.User.UserId(), request, ct);
        return TypedResults.Created($"/api/v1/alert-channels/{created.Channel.Id}", created);
    }

    private static async Task<Ok<AlertChannelView>> GetAlertChannel(long id, HttpContext http, AlertChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.GetAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<AlertChannelView>> UpdateAlertChannel(long id, UpdateAlertChannelRequest request, HttpContext http, AlertChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.UpdateAsync(http.User.UserId(), id, request, ct));

    private static async Task<NoContent> DeleteAlertChannel(long id, HttpContext http, AlertChannelService channels, CancellationToken ct)
    {
        await channels.DeleteAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<AlertChannelWithSecret>> RotateAlertChannelSecret(long id, HttpContext http, AlertChannelService channels, CancellationToken ct) =>
        TypedResults.Ok(await channels.RotateSecretAsync(http.User.UserId(), id, ct));

    private static async Task<Accepted<AlertDeliveryView>> SendTestAlert(long id, HttpContext http, AlertChannelService channels, CancellationToken ct)
    {
        var delivery = await channels.SendTestAsync(http.User.UserId(), id, ct);
        return TypedResults.Accepted($"/api/v1/alert-channels/{id}/deliveries", delivery);
    }

    private static async Task<Ok<Paged<AlertDeliveryView>>> ListAlertDeliveries(
        long id, HttpContext http, AlertChannelService channels, CancellationToken ct, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await channels.DeliveriesAsync(http.User.UserId(), id, new AlertDeliveryQuery { Page = page, PageSize = pageSize }, ct));
}
