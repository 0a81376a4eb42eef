using AdPilot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Creatives;

/// <summary>
/// Deletes presigned uploads that were never completed (recurring job <c>creatives:delete-abandoned-uploads</c>): every
/// object under <see cref="UploadKeys.UploadsPrefix"/> written before its URL expired, plus an hour.
/// </summary>
public sealed class AbandonedUploads(IObjectStorage storage, IOptions<CreativeOptions> options, TimeProvider clock, ILogger<AbandonedUploads> logger)
{
    /// <summary>A PUT that started just before its URL expired may still be arriving, or being completed, for a while.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    public async Task<int> DeleteAsync(CancellationToken ct = default)
    {
        var before = clock.GetUtcNow() - options.Value.UploadUrlLifetime - Grace;
        var deleted = 0;
        await foreach (var upload in storage.ListOlderThanAsync(UploadKeys.UploadsPrefix, before, ct))
        {
            await storage.DeleteAsync(upload.Key, ct);
            deleted++;
        }

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} uploads never completed (written before {Before:u})", deleted, before);
        }

        return deleted;
    }
}
