using AdPilot.Core.Common;

namespace AdPilot.Core.Alerts;

/// <summary>An external place a user's notifications also go: a Slack incoming webhook or a signed generic webhook (ADR 040).</summary>
public sealed class AlertChannel : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public AlertChannelKind Kind { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Where deliveries are POSTed. A Slack webhook URL is itself a credential, so every URL is kept secret.</summary>
    [Secret]
    public string Url { get; set; } = "";

    /// <summary>What the UI and the API show instead of <see cref="Url"/>: scheme, host and the path's last four characters.</summary>
    public string UrlHint { get; set; } = "";

    /// <summary>The HMAC-SHA256 key of webhook signatures; shown once when created or rotated.</summary>
    [Secret]
    public string SigningSecret { get; set; } = "";

    /// <summary>The categories routed here (comma-separated <c>NotificationCategories</c>); urgent notifications come whatever it says.</summary>
    public string Categories { get; set; } = "";

    public bool Enabled { get; set; } = true;

    /// <summary>Deliveries that failed every attempt in a row; reaching <c>Alerts:DisableAfterFailures</c> disables the channel.</summary>
    public int ConsecutiveFailures { get; set; }

    public DateTime? DisabledAt { get; set; }
    public string? DisabledReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<AlertDelivery> Deliveries { get; set; } = [];

    public IReadOnlyList<string> CategoryList() => AlertCategories.Parse(Categories);
}

public enum AlertChannelKind
{
    Slack,
    Webhook,
}

public static class AlertCategories
{
    public static IReadOnlyList<string> Parse(string stored) =>
        stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string Format(IEnumerable<string> categories) => string.Join(',', categories.Distinct().Order(StringComparer.Ordinal));
}
