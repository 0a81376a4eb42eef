using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Creatives;

/// <summary>
/// The creative library: upload (directly or through a presigned URL), list, details, edit and delete. Every call is
/// scoped to the user; another user's creative is "not found". Uploads are judged by their bytes, stored with a
/// thumbnail (images) and scored.
/// </summary>
public sealed class CreativeService(
    IDbContextFactory<AppDbContext> dbFactory,
    IObjectStorage storage,
    ICdnInvalidator cdn,
    ICreativeScorer scorer,
    CreativeMedia inspector,
    IOptions<CreativeOptions> options,
    TimeProvider clock,
    ILogger<CreativeService> logger)
{
    private CreativeOptions Options => options.Value;

    /// <summary>Creates a creative from bytes sent with the request.</summary>
    public async Task<CreativeView> UploadAsync(long userId, Stream content, string? fileName, CreateCreativeRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        await using var temp = await UploadBuffer.CopyAsync(content, Options.MaxBytes, ct);
        var media = await inspector.InspectAsync(temp, ct);
        var key = UploadKeys.NewCreative(userId, media.Format.Extension);
        temp.Position = 0;
        await storage.PutAsync(key, temp, media.Format.ContentType, ct);
        return await SaveAsync(userId, key, media, temp, NameOr(request.Name, fileName), request.Tags, ct);
    }

    /// <summary>
    /// Issues a key under the user's upload folder and a URL the browser PUTs the file to: exactly the declared size and
    /// content type, until the URL expires (ADR 012).
    /// </summary>
    public UploadTicket CreateUploadUrl(long userId, UploadUrlRequest request)
    {
        RequestValidator.Validate(request);
        var format = MediaFormat.ForContentType(request.ContentType)
            ?? throw ValidationFailedException.For("contentType", $"Use one of: {string.Join(", ", MediaFormat.All.Select(f => f.ContentType))}.");
        var size = request.Size!.Value;
        if (size > Options.MaxBytesFor(format.Type))
        {
            throw ValidationFailedException.For("size", $"The limit for this type is {Options.MaxBytesFor(format.Type):N0} bytes.");
        }

        var key = UploadKeys.NewUpload(userId, format.Extension);
        var url = storage.PresignedPutUrl(key, format.ContentType, size, Options.UploadUrlLifetime);
        return new UploadTicket(key, url, "PUT", new Dictionary<string, string> { ["Content-Type"] = format.ContentType },
            (clock.GetUtcNow() + Options.UploadUrlLifetime).UtcDateTime);
    }

    /// <summary>
    /// Turns a finished presigned upload into a creative; a key outside the user's folder is "not found". The bytes that
    /// were checked are stored under a final key and the upload is deleted, so its URL can never change the creative.
    /// </summary>
    public async Task<CreativeView> CompleteUploadAsync(long userId, CompleteUploadRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        var key = request.UploadKey;
        var stem = UploadKeys.CreativeStemOf(userId, key) ?? throw new NotFoundException("Upload", key);
        var finalKeys = MediaFormat.All.Select(f => stem + f.Extension).ToList();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Creatives.AnyAsync(c => finalKeys.Contains(c.StorageKey), ct))
            {
                await DeleteObjectsAsync([key]); // whatever was PUT again after completion is not kept
                throw new ConflictException("upload_already_completed", "This upload is already a creative.");
            }
        }

        var stored = await storage.StatAsync(key, ct) ?? throw new NotFoundException("Upload", key);
        try
        {
            if (stored.Size > Options.MaxBytes)
            {
                throw CreativeMedia.Invalid($"The file is {stored.Size:N0} bytes; the limit is {Options.MaxBytes:N0} bytes.");
            }

            await using var temp = await DownloadAsync(key, ct);
            var media = await inspector.InspectAsync(temp, ct);
            var finalKey = stem + media.Format.Extension;
            temp.Position = 0;
            await storage.PutAsync(finalKey, temp, media.Format.ContentType, ct);
            await storage.DeleteAsync(key, ct);
            return await SaveAsync(userId, finalKey, media, temp, NameOr(request.Name, key), request.Tags, ct);
        }
        catch (ValidationFailedException)
        {
            await DeleteObjectsAsync([key]); // a refused upload is not kept
            throw;
        }
    }

    public async Task<CreativeView> GetAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creative = await db.Creatives.AsNoTracking().Include(c => c.Tags).SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct)
            ?? throw new NotFoundException("Creative", id);
        return View(creative);
    }

    public Task<Paged<CreativeView>> ListAsync(long userId, CreativeQuery query, CancellationToken ct = default) =>
        CreativeQueries.ListAsync(dbFactory, userId, query, View, ct);

    public async Task<CreativeView> UpdateAsync(long userId, long id, UpdateCreativeRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        if (request.Status == CreativeStatus.Processing)
        {
            throw ValidationFailedException.For("status", "Status can be set to active or archived.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creative = await db.Creatives.Include(c => c.Tags).SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct)
            ?? throw new NotFoundException("Creative", id);
        creative.Name = request.Name?.Trim() is { Length: > 0 } name ? name : creative.Name;
        creative.Status = request.Status ?? creative.Status;
        if (request.Tags is not null)
        {
            var tags = CreativeTagRules.Normalize(request.Tags);
            creative.Tags.RemoveAll(t => !tags.Contains(t.Tag));
            creative.Tags.AddRange(tags.Where(t => creative.Tags.All(existing => existing.Tag != t)).Select(t => new CreativeTag { Tag = t }));
        }

        creative.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return View(creative);
    }

    /// <summary>Deletes the row, then the original and thumbnail from storage (P18); a storage failure is logged, never resurrects the row.</summary>
    public async Task DeleteAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creative = await db.Creatives.SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct)
            ?? throw new NotFoundException("Creative", id);
        db.Creatives.Remove(creative);
        await db.SaveChangesAsync(ct);
        await DeleteObjectsAsync([creative.StorageKey, .. creative.ThumbnailKey is null ? Array.Empty<string>() : [creative.ThumbnailKey]]);
    }

    private async Task<CreativeView> SaveAsync(long userId, string key, MediaFacts media, Stream file, string name, IReadOnlyList<string>? tags, CancellationToken ct)
    {
        string? thumbnailKey = null;
        var keptByAnother = false;
        try
        {
            if (media.Format.Type == CreativeType.Image && await inspector.ThumbnailAsync(file, ct) is { } thumbnail)
            {
                await using (thumbnail)
                {
                    thumbnailKey = ThumbnailKeyOf(key);
                    await storage.PutAsync(thumbnailKey, thumbnail, MediaFormat.Jpeg.ContentType, ct);
                }
            }

            var score = scorer.Score(media.ToCreativeFacts());
            var now = clock.GetUtcNow().UtcDateTime;
            var creative = new Creative
            {
                UserId = userId, Name = name, Type = media.Format.Type, Status = CreativeStatus.Active, StorageKey = key, ThumbnailKey = thumbnailKey,
                ContentType = media.Format.ContentType, FileSize = media.Size, Width = media.Width, Height = media.Height,
                DurationSeconds = media.DurationSeconds, QualityScore = score.Score,
                QualityNotes = new QualityNotes(score.Reasons, score.SuggestedTags).ToJson(),
                Tags = CreativeTagRules.Normalize(tags).Select(t => new CreativeTag { Tag = t }).ToList(),
                CreatedAt = now, UpdatedAt = now,
            };
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Creatives.Add(creative);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A second completion of the same upload lost the race: the file belongs to the first, so nothing is deleted.
                keptByAnother = await IsStoredAsync(key);
                if (keptByAnother)
                {
                    throw new ConflictException("upload_already_completed", "This upload is already a creative.");
                }

                throw;
            }

            return View(creative);
        }
        catch when (!keptByAnother)
        {
            await DeleteObjectsAsync([key, .. thumbnailKey is null ? Array.Empty<string>() : [thumbnailKey]]);
            throw;
        }
    }

    private async Task<bool> IsStoredAsync(string key)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        return await db.Creatives.AnyAsync(c => c.StorageKey == key, CancellationToken.None);
    }

    private async Task DeleteObjectsAsync(IReadOnlyCollection<string> keys)
    {
        foreach (var key in keys)
        {
            try
            {
                await storage.DeleteAsync(key, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Could not delete stored object {Key}; it is orphaned", key);
            }
        }

        try
        {
            await cdn.InvalidateAsync(keys, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not invalidate CDN paths of deleted objects");
        }
    }

    private async Task<FileStream> DownloadAsync(string key, CancellationToken ct)
    {
        await using var source = await storage.GetAsync(key, ct) ?? throw new NotFoundException("Upload", key);
        return await UploadBuffer.CopyAsync(source, Options.MaxBytes, ct);
    }

    private CreativeView View(Creative creative) => CreativeView.Of(creative, storage, Options.ViewUrlLifetime);

    private static string ThumbnailKeyOf(string key) => key[..key.LastIndexOf('.')] + "-thumb.jpg";

    private static string NameOr(string? name, string? fileName)
    {
        if (name?.Trim() is { Length: > 0 } given)
        {
            return given;
        }

        var fromFile = Path.GetFileNameWithoutExtension(fileName ?? "").Trim();
        return fromFile.Length == 0 ? "Untitled" : fromFile[..Math.Min(fromFile.Length, 200)];
    }
}
