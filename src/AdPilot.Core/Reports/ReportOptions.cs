using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Reports;

/// <summary>Section <c>Reports</c>: ingestion windows and retention.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Days re-fetched before the last sync, so late conversions replace the earlier numbers.</summary>
    [Range(0, 90, ErrorMessage = "Reports:LookbackDays must be between 0 and 90.")]
    public int LookbackDays { get; set; } = 7;

    /// <summary>History pulled by an account's first sync.</summary>
    [Range(1, 1000, ErrorMessage = "Reports:InitialDays must be between 1 and 1000.")]
    public int InitialDays { get; set; } = 90;

    /// <summary>Ad-day rows older than this many days move to the archive table (they still count in every aggregate).</summary>
    [Range(30, 10000, ErrorMessage = "Reports:RetentionDays must be between 30 and 10000.")]
    public int RetentionDays { get; set; } = 400;
}
