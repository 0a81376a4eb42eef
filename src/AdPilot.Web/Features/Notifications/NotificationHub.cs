using AdPilot.Core.Identity;
using AdPilot.Core.Notifications;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace AdPilot.Web.Features.Notifications;

/// <summary>
/// Real-time notifications: the server sends <c>notification</c> (a <see cref="NotificationView"/>) to every
/// connection of the user, on whichever node it is (Redis backplane when Redis is configured).
/// Browsers connect with their session cookie; API clients with a bearer token (header, or <c>access_token</c> query).
/// </summary>
[Authorize]
public sealed class NotificationHub(NotificationService notifications) : Hub
{
    public const string Path = "/hubs/notifications";
    public const string NotificationMethod = "notification";

    /// <summary>Lets a client resynchronise its badge after a reconnect.</summary>
    public Task<int> UnreadCount() => notifications.UnreadCountAsync(Context.User!.UserId());
}

/// <summary>SignalR addresses users by the AdPilot user id claim.</summary>
internal sealed class UserIdClaimProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) =>
        connection.User.FindFirst(AppClaims.UserId)?.Value;
}

internal sealed class SignalRNotificationPush(IHubContext<NotificationHub> hub) : INotificationPush
{
    public Task PushAsync(long userId, NotificationView notification, CancellationToken ct) =>
        hub.Clients.User(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)).SendAsync(NotificationHub.NotificationMethod, notification, ct);
}
