using AdPilot.Core.Data;
using AdPilot.Core.LandingPages;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.AccountDeletion;

/// <summary>Every object-storage key and prefix that holds a user's files, read before the rows that name them go.</summary>
internal static class UserStorageKeys
{
    public const string PagesPrefix = "pages/";

    public static async Task<List<StorageDeletion>> CollectAsync(AppDbContext db, long userId, DateTime now, CancellationToken ct)
    {
        var id = userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var keys = new List<(string Key, bool IsPrefix)>
        {
            ($"u/{id}/", true),
            ($"{Creatives.UploadKeys.UploadsPrefix}{id}/", true),
            ($"avatars/{id}/", true),
            ($"exports/{id}/", true),
        };
        var creatives = await db.Creatives.Where(c => c.UserId == userId).Select(c => new { c.StorageKey, c.ThumbnailKey }).ToListAsync(ct);
        keys.AddRange(creatives.SelectMany(c => new[] { c.StorageKey, c.ThumbnailKey }).OfType<string>().Select(k => (k, false)));
        var pages = await db.LandingPages.Where(p => p.UserId == userId).Select(p => new { p.Id, p.Slug, p.PublishedKey }).ToListAsync(ct);
        foreach (var page in pages)
        {
            keys.Add((PageImages.Prefix(page.Id), true));
            keys.Add(($"{PagesPrefix}{page.Slug}/", true));
            if (LandingPageSlugs.SlugOf(page.PublishedKey) is { } published)
            {
                keys.Add(($"{PagesPrefix}{published}/", true));
            }
        }

        // Objects under a prefix listed here are deleted with it: no need to name them one by one.
        var prefixes = keys.Where(k => k.IsPrefix).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        return keys
            .Where(k => k.IsPrefix || !prefixes.Any(p => k.Key.StartsWith(p, StringComparison.Ordinal)))
            .Where(k => Storage.StorageKeys.IsValid(k.Key.TrimEnd('/')))
            .DistinctBy(k => k.Key)
            .Select(k => new StorageDeletion { Key = k.Key, IsPrefix = k.IsPrefix, CreatedAt = now, NextAttemptAt = now })
            .ToList();
    }
}
