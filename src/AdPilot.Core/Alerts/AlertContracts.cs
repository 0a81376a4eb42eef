using System.ComponentModel.DataAnnotations;
using AdPilot.Core.Common;

namespace AdPilot.Core.Alerts;

public sealed record CreateAlertChannelRequest
{
    public AlertChannelKind Kind { get; init; } = AlertChannelKind.Webhook;

    [Required(ErrorMessage = "A name is required."), StringLength(100)]
    public string Name { get; init; } = "";

    /// <summary>Slack: the incoming-webhook URL (https://hooks.slack.com/…); webhook: any public http(s) URL.</summary>
    [Required(ErrorMessage = "A URL is required."), StringLength(2048), HttpUrl]
    public string Url { get; init; } = "";

    /// <summary>The categories routed to the channel; urgent notifications come whatever this says.</summary>
    [MaxLength(20)]
    public IReadOnlyList<string> Categories { get; init; } = [];
}

/// <summary>Only what is given changes.</summary>
public sealed record UpdateAlertChannelRequest
{
    [StringLength(100, MinimumLength = 1)]
    public string? Name { get; init; }

    [StringLength(2048), HttpUrl]
    public string? Url { get; init; }

    [MaxLength(20)]
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>Enabling again clears the failure count and the reason it was disabled.</summary>
    public bool? Enabled { get; init; }
}

public sealed record AlertChannelView(
    long Id,
    AlertChannelKind Kind,
    string Name,
    string UrlHint,
    IReadOnlyList<string> Categories,
    bool Enabled,
    int ConsecutiveFailures,
    DateTime? DisabledAt,
    string? DisabledReason,
    DateTime CreatedAt)
{
    internal static AlertChannelView Of(AlertChannel c) =>
        new(c.Id, c.Kind, c.Name, c.UrlHint, c.CategoryList(), c.Enabled, c.ConsecutiveFailures, c.DisabledAt, c.DisabledReason, c.CreatedAt);
}

/// <summary>The channel and its signing secret, which is shown this once (creation and rotation) and never again.</summary>
public sealed record AlertChannelWithSecret(AlertChannelView Channel, string SigningSecret);

public sealed record AlertDeliveryView(
    long Id,
    long ChannelId,
    long? NotificationId,
    string Category,
    string Title,
    AlertDeliveryStatus Status,
    int Attempts,
    int? HttpStatus,
    string? Error,
    DateTime? NextAttemptAt,
    int? DurationMs,
    DateTime CreatedAt,
    DateTime? CompletedAt)
{
    internal static AlertDeliveryView Of(AlertDelivery d) =>
        new(d.Id, d.AlertChannelId, d.NotificationId, d.Category, d.Title, d.Status, d.Attempts, d.HttpStatus, d.Error, d.NextAttemptAt, d.DurationMs, d.CreatedAt, d.CompletedAt);
}

public sealed record AlertDeliveryQuery
{
    [Range(1, 100_000)]
    public int Page { get; init; } = 1;

    [Range(1, 100)]
    public int PageSize { get; init; } = 20;
}

/// <summary>Queues one delivery attempt now or later (a persistent background job in the host).</summary>
public interface IAlertDeliveryQueue
{
    void Enqueue(long deliveryId);

    void Schedule(long deliveryId, TimeSpan delay);
}
