using System.ComponentModel.DataAnnotations;
using AdPilot.Core.Common;

namespace AdPilot.Core.Notifications;

/// <summary>What a producer (a job, a service) raises; the service decides the channels.</summary>
public sealed record CreateNotificationRequest
{
    public NotificationType Type { get; init; } = NotificationType.General;

    [Required, StringLength(32)]
    public string Category { get; init; } = NotificationCategories.System;

    [Required(ErrorMessage = "A title is required."), StringLength(200)]
    public string Title { get; init; } = "";

    [StringLength(4000)]
    public string Body { get; init; } = "";

    /// <summary>Where clicking the notification leads: a page of AdPilot (a path), never another site.</summary>
    [StringLength(2048), LocalPath]
    public string? Link { get; init; }

    /// <summary>The same key for the same user raises the notification once.</summary>
    [StringLength(200)]
    public string? DedupeKey { get; init; }
}

public sealed record NotificationView(
    long Id,
    NotificationType Type,
    string Category,
    string Title,
    string Body,
    string? Link,
    bool IsRead,
    DateTime? ReadAt,
    DateTime CreatedAt)
{
    internal static NotificationView Of(Notification n) => new(n.Id, n.Type, n.Category, n.Title, n.Body, n.Link, n.IsRead, n.ReadAt, n.CreatedAt);
}

public sealed record NotificationQuery
{
    public NotificationType? Type { get; init; }
    public bool? IsRead { get; init; }
    public string? Category { get; init; }

    /// <summary>Newest first unless false.</summary>
    public bool NewestFirst { get; init; } = true;

    [Range(1, 100_000)]
    public int Page { get; init; } = 1;

    [Range(1, 100)]
    public int PageSize { get; init; } = 20;
}

public sealed record NotificationPreferenceView(string Category, NotificationChannels Channels);

/// <summary>
/// The Notifications tab and <c>/api/v1/notifications/preferences</c>: the global in-app and e-mail switches, then each
/// category's channels. A switch that is off wins over the categories, except for urgent notifications (they go everywhere).
/// </summary>
public sealed record NotificationSettings(bool InApp, bool Email, IReadOnlyList<NotificationPreferenceView> Categories);

/// <summary>What to change; omitted parts stay as they are.</summary>
public sealed record UpdateNotificationSettingsRequest(bool? InApp = null, bool? Email = null, IReadOnlyList<NotificationPreferenceView>? Categories = null);
