using System.IO.Compression;
using AdPilot.Core.Creatives;
using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Export;

/// <summary>
/// The user's stored files, each copied into the ZIP at <c>files/{storage key}</c> as it is read (so the key in the
/// JSON leads to the file): creatives and their thumbnails, published landing pages and their images, the avatar.
/// </summary>
internal static class ExportFiles
{
    public const string Folder = "files/";

    /// <summary>Avatars are stored under this prefix by the profile feature; whatever is there is the user's.</summary>
    public static string AvatarPrefix(long userId) => $"avatars/{userId}/";

    /// <summary>The keys to copy; a list of strings (small even for a large library), read before any file is.</summary>
    public static async Task<IReadOnlyList<string>> KeysAsync(AppDbContext db, IObjectStorage storage, long userId, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var c in db.Set<Creative>().AsNoTracking().Where(c => c.UserId == userId).OrderBy(c => c.Id)
                           .Select(c => new { c.StorageKey, c.ThumbnailKey }).AsAsyncEnumerable().WithCancellation(ct))
        {
            keys.Add(c.StorageKey);
            if (c.ThumbnailKey is { } thumbnail)
            {
                keys.Add(thumbnail);
            }
        }

        var pages = await db.Set<LandingPage>().AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.PublishedKey }).ToListAsync(ct);
        foreach (var page in pages)
        {
            if (page.PublishedKey is { } published)
            {
                keys.Add(published);
            }

            await AddPrefixAsync(keys, storage, PageImages.Prefix(page.Id), ct);
        }

        await AddPrefixAsync(keys, storage, AvatarPrefix(userId), ct);
        return [.. keys.Where(StorageKeys.IsValid).Distinct(StringComparer.Ordinal)];
    }

    private static async Task AddPrefixAsync(List<string> keys, IObjectStorage storage, string prefix, CancellationToken ct)
    {
        await foreach (var listed in storage.ListOlderThanAsync(prefix, DateTimeOffset.MaxValue, ct))
        {
            keys.Add(listed.Key);
        }
    }

    /// <summary>Copies one object; false when it is no longer in the store (deleted since the row was read).</summary>
    public static async Task<bool> CopyAsync(ZipArchive zip, IObjectStorage storage, string key, CancellationToken ct)
    {
        await using var content = await storage.GetAsync(key, ct);
        if (content is null)
        {
            return false;
        }

        // Images, videos and HTML pages: stored, not deflated (media is compressed already; 1 GB stays fast).
        await using var entry = zip.CreateEntry(Folder + key, CompressionLevel.NoCompression).Open();
        await content.CopyToAsync(entry, 81920, ct);
        return true;
    }
}
