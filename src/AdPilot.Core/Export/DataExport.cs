using AdPilot.Core.Common;

namespace AdPilot.Core.Export;

/// <summary>
/// One request for a copy of the user's data (GDPR articles 15 and 20): queued, built by a job into one ZIP in object
/// storage, downloadable by its owner until <see cref="ExpiresAt"/>, then deleted by the cleanup job.
/// </summary>
public sealed class DataExport : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public DataExportStatus Status { get; set; } = DataExportStatus.Queued;

    /// <summary>0–100.</summary>
    public int Progress { get; set; }

    /// <summary>What the job is writing now (a table or "files"), for the progress bar.</summary>
    public string? CurrentStep { get; set; }

    /// <summary>The ZIP's key, under <see cref="DataExportService.StoragePrefix"/>; null until it is uploaded.</summary>
    public string? StorageKey { get; set; }

    public long? SizeBytes { get; set; }

    /// <summary>How many files (not counting the README) the ZIP holds.</summary>
    public int FileCount { get; set; }

    /// <summary>True while queued or running, null after: unique per user, so two concurrent starts cannot both queue.</summary>
    public bool? InProgress { get; set; } = true;

    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }

    /// <summary>A stable code (never a message or a secret) when the export failed.</summary>
    public string? ErrorCode { get; set; }
}

public enum DataExportStatus
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Expired,
}
