using AdPilot.Core.Common;
using AdPilot.Core.Notifications;
using AdPilot.Web.Api;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Notifications;

internal static class NotificationsApi
{
    public static void MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", List);
        group.MapGet("/unread-count", UnreadCount);
        group.MapPost("/{id:long}/read", MarkRead);
        group.MapPost("/read-all", MarkAllRead);
        group.MapGet("/preferences", GetPreferences);
        group.MapPut("/preferences", SetPreferences);
    }

    private static async Task<Ok<Paged<NotificationView>>> List(
        HttpContext http, NotificationService notifications, CancellationToken ct,
        string? type = null, bool? isRead = null, string? category = null, string? sort = null, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await notifications.ListAsync(http.User.UserId(), new NotificationQuery
        {
            Type = QueryEnum.Parse<NotificationType>(type, "type"),
            IsRead = isRead,
            Category = category,
            NewestFirst = sort is null or "newest",
            Page = page,
            PageSize = pageSize,
        }, ct));

    private static async Task<Ok<UnreadCount>> UnreadCount(HttpContext http, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await notifications.UnreadCountAsync(http.User.UserId(), ct)));

    private static async Task<Ok<NotificationView>> MarkRead(long id, HttpContext http, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(await notifications.MarkReadAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<MarkedRead>> MarkAllRead(HttpContext http, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await notifications.MarkAllReadAsync(http.User.UserId(), ct)));

    /// <summary>The global in-app and e-mail switches and each category's channels.</summary>
    private static async Task<Ok<NotificationSettings>> GetPreferences(HttpContext http, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(await notifications.GetSettingsAsync(http.User.UserId(), ct));

    /// <summary>Changes the switches and/or categories sent; omitted ones stay. Urgent notifications ignore both.</summary>
    private static async Task<Ok<NotificationSettings>> SetPreferences(
        UpdateNotificationSettingsRequest request, HttpContext http, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(await notifications.SetSettingsAsync(http.User.UserId(), request, ct));
}

public sealed record UnreadCount(int Count);

public sealed record MarkedRead(int Updated);
