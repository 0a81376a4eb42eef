using AdPilot.Core.Common;

namespace AdPilot.Core.DailyReports;

/// <summary>
/// One user's daily report for one local day: inserted (unique on user and day) by the runner that claims it before it
/// builds and sends anything, so two job servers never both send it. A claim left behind by a crash is taken over after
/// <see cref="DailyReportJob.StaleClaimAfter"/>; the notification's dedupe key makes the retry raise it at most once.
/// </summary>
public sealed class DailyReportSend : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }

    /// <summary>The user's local day the report was due (it reports on the day before).</summary>
    public DateOnly LocalDate { get; set; }

    public DailyReportStatus Status { get; set; } = DailyReportStatus.Claimed;
    public DateTime ClaimedAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>The <c>report_ready</c> notification raised for it (null until sent, and when there was nothing to report).</summary>
    public long? NotificationId { get; set; }
}

public enum DailyReportStatus
{
    /// <summary>A runner is building and sending it (or crashed doing so: taken over when stale).</summary>
    Claimed,
    Sent,

    /// <summary>No ad account had numbers in the last 14 days: nothing was sent.</summary>
    NoData,
}
