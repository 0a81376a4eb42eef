namespace AdPilot.Core.Alerts;

/// <summary>One notification (or a test alert) sent to one channel: its attempts so far and how the last one went.</summary>
public sealed class AlertDelivery
{
    public long Id { get; set; }
    public long AlertChannelId { get; set; }

    /// <summary>Null for a test alert.</summary>
    public long? NotificationId { get; set; }

    public string Category { get; set; } = "";
    public string Title { get; set; } = "";
    public AlertDeliveryStatus Status { get; set; } = AlertDeliveryStatus.Pending;
    public int Attempts { get; set; }

    /// <summary>The last answer's HTTP status, if an answer came.</summary>
    public int? HttpStatus { get; set; }

    /// <summary>The last failure in a few words, never with the URL or a secret.</summary>
    public string? Error { get; set; }

    public DateTime? NextAttemptAt { get; set; }
    public int? DurationMs { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}

public enum AlertDeliveryStatus
{
    Pending,
    Retrying,
    Succeeded,
    Failed,

    /// <summary>The channel was disabled or deleted before the delivery went out.</summary>
    Skipped,
}
