using AdPilot.Core.Common;

namespace AdPilot.Core.Notifications;

public sealed class Notification : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public NotificationType Type { get; set; }
    public string Category { get; set; } = NotificationCategories.System;
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Link { get; set; }

    /// <summary>The same event raised again with the same key does not create a second notification.</summary>
    public string? DedupeKey { get; set; }

    /// <summary>False when the user's preferences send this category by e-mail only: kept for the record, not listed.</summary>
    public bool InApp { get; set; } = true;

    public EmailDelivery EmailStatus { get; set; } = EmailDelivery.NotRequested;
    public int EmailAttempts { get; set; }
    public DateTime? EmailSentAt { get; set; }

    /// <summary>The last SMTP failure, without credentials.</summary>
    public string? EmailError { get; set; }

    public bool IsRead { get; set; }
    public DateTime? ReadAt { get; set; }
    public DateTime? ArchivedAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum EmailDelivery
{
    NotRequested,
    Pending,
    Sent,
    Failed,
}

public enum NotificationType
{
    Urgent,
    Important,
    General,
}

public static class NotificationCategories
{
    public const string AdRejected = "ad_rejected";
    public const string TokenExpired = "token_expired";
    public const string CreditLow = "credit_low";
    public const string CreditCritical = "credit_critical";
    public const string SyncFailed = "sync_failed";
    public const string Anomaly = "anomaly";
    public const string ReportReady = "report_ready";
    public const string ExportReady = "export_ready";
    public const string LeadReceived = "lead_received";
    public const string RuleRun = "rule_run";
    public const string System = "system";

    public static readonly IReadOnlyList<string> All =
        [AdRejected, TokenExpired, CreditLow, CreditCritical, SyncFailed, Anomaly, ReportReady, ExportReady, LeadReceived, RuleRun, System];
}
