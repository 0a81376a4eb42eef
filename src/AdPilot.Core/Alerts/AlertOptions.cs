using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Alerts;

/// <summary>Section <c>Alerts</c>: how Slack and webhook deliveries are retried and when a failing channel is disabled (ADR 040).</summary>
public sealed class AlertOptions
{
    public const string Section = "Alerts";

    /// <summary>Attempts per delivery, the first included.</summary>
    [Range(1, 10, ErrorMessage = "Alerts:MaxAttempts must be between 1 and 10.")]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The pause before the second attempt; each later pause doubles (1, 2, 4, 8 minutes by default).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Alerts:FirstRetryDelay must be between 1 second and 1 hour.")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries in a row that failed every attempt before the channel is disabled and the user told in the app.</summary>
    [Range(1, 100, ErrorMessage = "Alerts:DisableAfterFailures must be between 1 and 100.")]
    public int DisableAfterFailures { get; set; } = 5;

    /// <summary>One attempt's limit (connect, send, answer).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "Alerts:Timeout must be between 1 second and 2 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
