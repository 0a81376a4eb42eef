namespace AdPilot.Core.Export;

/// <summary>An export as its owner sees it. <see cref="DownloadUrl"/> is set while the file can be downloaded.</summary>
public sealed record DataExportView(
    long Id,
    DataExportStatus Status,
    int Progress,
    string? CurrentStep,
    long? SizeBytes,
    int FileCount,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    DateTime? ExpiresAt,
    string? ErrorCode,
    string? DownloadUrl)
{
    public bool IsActive => Status is DataExportStatus.Queued or DataExportStatus.Running;
}

/// <summary>The export that is now in progress and whether this call started it (false: one was already running).</summary>
public sealed record DataExportStart(DataExportView Export, bool Started);

/// <summary>The ZIP to stream, or no content when it has expired or is not ready (see the view's status).</summary>
public sealed record DataExportDownload(DataExportView Export, Stream? Content, string FileName);

public sealed record DataExportList(IReadOnlyList<DataExportView> Items);

/// <summary>Runs <see cref="DataExportService.RunAsync"/> in the background (Hangfire in the host).</summary>
public interface IDataExportQueue
{
    void Enqueue(long exportId);
}

public static class DataExportErrors
{
    public const string InProgress = "export_in_progress";
    public const string Expired = "export_expired";
    public const string NotReady = "export_not_ready";
    public const string Failed = "export_failed";
    public const string Interrupted = "export_interrupted";
}
