using System.IO.Compression;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Notifications;
using AdPilot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.Export;

/// <summary>
/// The data export (docs/decisions/035): start (one at a time per user), build the ZIP in a background job, report
/// progress, let the owner download it for 24 hours on the injected clock, then delete it. Every call is owner-scoped:
/// another user's export is "not found".
/// </summary>
public sealed class DataExportService(
    IDbContextFactory<AppDbContext> dbFactory,
    IObjectStorage storage,
    IDataExportQueue queue,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<DataExportService> logger)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <summary>A queued or running export older than this was lost (a restart with in-memory jobs): it no longer blocks a new one.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(6);

    /// <summary>Every export file of the user lives under this prefix (account deletion removes it).</summary>
    public static string StoragePrefix(long userId) => $"exports/{userId}/";

    public static string StorageKey(long userId, long exportId) => $"{StoragePrefix(userId)}{exportId}.zip";

    public static string DownloadPath(long exportId) => $"/api/v1/users/me/export/{exportId}/download";

    /// <summary>Queues a new export, or returns the one already in progress (<see cref="DataExportStart.Started"/> false).</summary>
    public async Task<DataExportStart> StartAsync(long userId, CancellationToken ct = default)
    {
        await FailStaleAsync(userId, ct);
        if (await ActiveAsync(userId, ct) is { } running)
        {
            return new DataExportStart(running, false);
        }

        var export = new DataExport { UserId = userId, CreatedAt = Now, CurrentStep = "queued" };
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            db.DataExports.Add(export);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Started at the same moment by another request: the unique (UserId, InProgress) index let only one in.
                return new DataExportStart(await ActiveAsync(userId, ct) ?? throw new ConflictException(DataExportErrors.InProgress, "An export is already in progress."), false);
            }
        }

        try
        {
            queue.Enqueue(export.Id);
        }
        catch
        {
            await FinishAsync(export.Id, DataExportStatus.Failed, DataExportErrors.Failed, CancellationToken.None);
            throw;
        }

        return new DataExportStart(View(export), true);
    }

    public async Task<DataExportView> GetAsync(long userId, long exportId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var export = await db.DataExports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == exportId && e.UserId == userId, ct)
            ?? throw new NotFoundException("Export", exportId);
        return View(export);
    }

    /// <summary>The most recent exports, newest first.</summary>
    public async Task<DataExportList> ListAsync(long userId, int limit = 10, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.DataExports.AsNoTracking().Where(e => e.UserId == userId)
            .OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Take(Math.Clamp(limit, 1, 50)).ToListAsync(ct);
        return new DataExportList([.. rows.Select(View)]);
    }

    /// <summary>The ZIP's bytes while the link is valid; otherwise no content and the view says why (expired, not ready).</summary>
    public async Task<DataExportDownload> OpenAsync(long userId, long exportId, CancellationToken ct = default)
    {
        var view = await GetAsync(userId, exportId, ct);
        var name = $"adpilot-export-{exportId}.zip";
        if (view.DownloadUrl is null)
        {
            return new DataExportDownload(view, null, name);
        }

        var content = await storage.GetAsync(StorageKey(userId, exportId), ct);
        return new DataExportDownload(content is null ? view with { Status = DataExportStatus.Expired, DownloadUrl = null } : view, content, name);
    }

    /// <summary>The background job: builds the ZIP over a temporary file, uploads it, marks the export done and notifies the owner.</summary>
    public async Task RunAsync(long exportId, CancellationToken ct = default)
    {
        long userId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var export = await db.DataExports.SingleOrDefaultAsync(e => e.Id == exportId, ct);
            if (export is null || !export.InProgress.GetValueOrDefault())
            {
                return; // deleted with the account, or already finished
            }

            userId = export.UserId;
            (export.Status, export.StartedAt, export.Progress, export.CurrentStep) = (DataExportStatus.Running, Now, 0, "starting");
            await db.SaveChangesAsync(ct);
        }

        var key = StorageKey(userId, exportId);
        try
        {
            await BuildAndUploadAsync(exportId, userId, key, ct);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Data export {ExportId} failed", exportId);
            await FinishAsync(exportId, DataExportStatus.Failed, DataExportErrors.Failed, CancellationToken.None);
            await TryDeleteAsync(key);
            return;
        }

        await NotifyAsync(userId, exportId, ct);
    }

    private async Task BuildAndUploadAsync(long exportId, long userId, string key, CancellationToken ct)
    {
        await using var temp = TempFile.Create("export");
        ExportContents contents;
        using (var zip = new ZipArchive(temp, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            contents = await ExportArchive.WriteAsync(zip, db, storage, userId, (step, percent) => ReportAsync(exportId, step, percent, ct), ct);
        }

        var size = temp.Length;
        temp.Position = 0;
        await ReportAsync(exportId, "uploading", 99, ct);
        await storage.PutAsync(key, temp, "application/zip", ct);

        var now = Now;
        await using var done = await dbFactory.CreateDbContextAsync(ct);
        var updated = await done.DataExports.Where(e => e.Id == exportId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, DataExportStatus.Succeeded).SetProperty(e => e.Progress, 100).SetProperty(e => e.CurrentStep, (string?)null)
            .SetProperty(e => e.InProgress, (bool?)null).SetProperty(e => e.StorageKey, key).SetProperty(e => e.SizeBytes, size)
            .SetProperty(e => e.FileCount, contents.Files).SetProperty(e => e.CompletedAt, now).SetProperty(e => e.ExpiresAt, now + LinkLifetime), ct);
        if (updated == 0)
        {
            await TryDeleteAsync(key); // the account was deleted while the export ran
            throw new OperationCanceledException("The export was deleted while it ran.");
        }
    }

    private async Task ReportAsync(long exportId, string step, int percent, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.DataExports.Where(e => e.Id == exportId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.CurrentStep, step).SetProperty(e => e.Progress, Math.Clamp(percent, 0, 99)), ct);
    }

    private async Task NotifyAsync(long userId, long exportId, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var language = await db.Users.Where(u => u.Id == userId).Select(u => u.Language).SingleAsync(ct);
            var (title, body) = ExportTexts.Ready(language);
            await notifications.CreateAsync(userId, new CreateNotificationRequest
            {
                Category = NotificationCategories.ExportReady, Title = title, Body = body,
                Link = "/settings?tab=data", DedupeKey = $"data-export:{exportId}",
            }, ct);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not notify the owner of data export {ExportId}", exportId); // the export itself succeeded
        }
    }

    /// <summary>
    /// The recurring cleanup: deletes each file 24 hours after completion and marks its row expired; fails exports lost
    /// mid-run; removes any export file older than the link lifetime that no row accounts for.
    /// </summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct = default)
    {
        var now = Now;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var expired = await db.DataExports.AsNoTracking().Where(e => e.Status == DataExportStatus.Succeeded && e.ExpiresAt <= now)
            .Select(e => new { e.Id, e.StorageKey }).ToListAsync(ct);
        foreach (var e in expired)
        {
            if (e.StorageKey is not null)
            {
                await storage.DeleteAsync(e.StorageKey, ct);
            }

            await db.DataExports.Where(x => x.Id == e.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, DataExportStatus.Expired).SetProperty(x => x.StorageKey, (string?)null), ct);
        }

        var staleBefore = now - StaleAfter;
        await db.DataExports.Where(e => e.InProgress == true && e.CreatedAt < staleBefore).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, DataExportStatus.Failed).SetProperty(e => e.ErrorCode, DataExportErrors.Interrupted)
            .SetProperty(e => e.InProgress, (bool?)null).SetProperty(e => e.CurrentStep, (string?)null), ct);

        await foreach (var orphan in storage.ListOlderThanAsync("exports/", now - LinkLifetime - TimeSpan.FromHours(1), ct))
        {
            await storage.DeleteAsync(orphan.Key, ct);
        }

        return expired.Count;
    }

    private async Task FailStaleAsync(long userId, CancellationToken ct)
    {
        var staleBefore = Now - StaleAfter;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.DataExports.Where(e => e.UserId == userId && e.InProgress == true && e.CreatedAt < staleBefore).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, DataExportStatus.Failed).SetProperty(e => e.ErrorCode, DataExportErrors.Interrupted)
            .SetProperty(e => e.InProgress, (bool?)null).SetProperty(e => e.CurrentStep, (string?)null), ct);
    }

    private async Task<DataExportView?> ActiveAsync(long userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var active = await db.DataExports.AsNoTracking().SingleOrDefaultAsync(e => e.UserId == userId && e.InProgress == true, ct);
        return active is null ? null : View(active);
    }

    private async Task FinishAsync(long exportId, DataExportStatus status, string errorCode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.DataExports.Where(e => e.Id == exportId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Status, status).SetProperty(e => e.ErrorCode, errorCode).SetProperty(e => e.InProgress, (bool?)null)
            .SetProperty(e => e.CurrentStep, (string?)null).SetProperty(e => e.CompletedAt, Now), ct);
    }

    private async Task TryDeleteAsync(string key)
    {
        try
        {
            if (await storage.ExistsAsync(key, CancellationToken.None))
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not delete the export file {Key}; the cleanup job removes it later", key);
        }
    }

    private DataExportView View(DataExport e)
    {
        var expired = e.Status == DataExportStatus.Expired || (e.Status == DataExportStatus.Succeeded && e.ExpiresAt <= Now);
        var status = expired ? DataExportStatus.Expired : e.Status;
        return new DataExportView(e.Id, status, e.Progress, e.CurrentStep, e.SizeBytes, e.FileCount, e.CreatedAt, e.StartedAt, e.CompletedAt,
            e.ExpiresAt, e.ErrorCode, status == DataExportStatus.Succeeded ? DownloadPath(e.Id) : null);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
