using System.ComponentModel;
using AdPilot.Core.Notifications;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Notifications;

/// <summary>MCP tools over <see cref="NotificationService"/>: the user's own notifications (bell and e-mail).</summary>
[McpServerToolType]
internal sealed class NotificationsTools(ToolCaller caller, NotificationService notifications)
{
    [McpServerTool(Name = "create_notification", Title = "Notify the user", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = false, OpenWorld = false)]
    [Description("Sends a notification to the signed-in user only (never to anyone else): it shows in AdPilot's bell and, by the user's preferences, by e-mail " +
        "(urgent ones always go by e-mail too). Use it to leave a reminder or the result of long work. With a dedupe_key, the same key notifies once.")]
    public async Task<NotificationCreated> CreateNotificationAsync(
        [Description("A short title, up to 200 characters.")] string title,
        [Description("The text, up to 4000 characters.")] string? body = null,
        [Description("urgent, important or general (default). Use urgent sparingly: it always sends an e-mail.")] NotificationType type = NotificationType.General,
        [Description("The category the user's preferences are set by: ad_rejected, token_expired, credit_low, credit_critical, sync_failed, anomaly, report_ready, export_ready, lead_received, rule_run or system (default).")]
        string category = NotificationCategories.System,
        [Description("A page of AdPilot to open when it is clicked, as a path such as /campaigns/12.")] string? link = null,
        [Description("Any string; a second notification with the same key is not created (the first is returned).")] string? dedupe_key = null,
        CancellationToken ct = default)
    {
        var (notification, created) = await notifications.CreateAsync(caller.UserId, new CreateNotificationRequest
        {
            Title = title, Body = body ?? "", Type = type, Category = category, Link = link, DedupeKey = dedupe_key,
        }, ct);
        return new NotificationCreated(notification, created);
    }

    [McpServerTool(Name = "get_notifications", Title = "List notifications", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Lists the user's notifications, newest first: ad rejections, expired ad-account authorisations, low credits, failed syncs, anomalies, reports ready. " +
        "Filter by type, category or read state; pass next_cursor as cursor for the next page.")]
    public async Task<ToolPage<NotificationView>> GetNotificationsAsync(
        [Description("Only this type: urgent, important or general.")] NotificationType? type = null,
        [Description("Only this category, e.g. token_expired or credit_low.")] string? category = null,
        [Description("true: only read ones; false: only unread ones; omit for both.")] bool? is_read = null,
        [Description("false: oldest first. Default true.")] bool newest_first = true,
        [Description("The next_cursor of the previous page; omit for the first page.")] string? cursor = null,
        [Description("Items per page, 1 to 100 (default 25).")] int? page_size = null,
        CancellationToken ct = default) =>
        ToolPaging.From(await notifications.ListAsync(caller.UserId, new NotificationQuery
        {
            Type = type, Category = category, IsRead = is_read, NewestFirst = newest_first,
            Page = ToolPaging.Page(cursor), PageSize = ToolPaging.PageSize(page_size),
        }, ct));

    [McpServerTool(Name = "mark_notification_read", Title = "Mark a notification read", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Marks one notification as read (marking it again changes nothing), e.g. after telling the user about it.")]
    public async Task<NotificationView> MarkNotificationReadAsync(
        [Description("The notification's id, from get_notifications.")] long notification_id,
        CancellationToken ct) =>
        await notifications.MarkReadAsync(caller.UserId, notification_id, ct);

    [McpServerTool(Name = "get_unread_count", Title = "Count unread notifications", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("How many of the user's notifications are unread (the number on AdPilot's bell). Call get_notifications with is_read: false to read them.")]
    public async Task<UnreadCount> GetUnreadCountAsync(CancellationToken ct) =>
        new(await notifications.UnreadCountAsync(caller.UserId, ct));
}

public sealed record NotificationCreated(
    [property: Description("The notification (the existing one when dedupe_key was used before).")] NotificationView Notification,
    [property: Description("False when a notification with the same dedupe_key already existed and nothing new was sent.")] bool Created);
