using System.Globalization;
using System.Text;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// Slugs are global (the public URL is <c>/p/{slug}</c>): a slug is taken when another page has it, or still serves its
/// last publish under it (<see cref="LandingPage.PublishedKey"/>: renamed but not yet republished).
/// </summary>
internal static class LandingPageSlugs
{
    public const int MaxLength = 60;

    /// <summary>ASCII letters and digits of the name (accents dropped), words joined by hyphens; empty when there are none (a Chinese name).</summary>
    public static string FromName(string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }

            if (slug.Length >= MaxLength - 8)
            {
                break;
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length is > 0 and < 3 ? result + "-page" : result;
    }

    /// <summary>A free slug: the name's (then -2, -3…), or <c>page-1</c>, <c>page-2</c>… for a name with no ASCII letters or digits.</summary>
    public static async Task<string> FreeAsync(AppDbContext db, string baseSlug, CancellationToken ct)
    {
        var numbered = baseSlug.Length == 0;
        var stem = numbered ? "page" : baseSlug;
        var prefix = stem + "-";
        var stemKey = KeyFor(stem);
        var keyPrefix = "pages/" + prefix;
        var taken = await db.LandingPages
            .Where(p => p.Slug == stem || p.Slug.StartsWith(prefix) || p.PublishedKey == stemKey || p.PublishedKey!.StartsWith(keyPrefix))
            .Select(p => new { p.Slug, p.PublishedKey }).ToListAsync(ct);
        var used = taken.Select(t => t.Slug).Concat(taken.Select(t => SlugOf(t.PublishedKey))).ToHashSet(StringComparer.Ordinal);
        if (!numbered && !used.Contains(stem))
        {
            return stem;
        }

        for (var n = numbered ? 1 : 2; ; n++)
        {
            var candidate = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
            if (!used.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>Refuses a slug another page holds, with a free one suggested.</summary>
    public static async Task RequireFreeAsync(AppDbContext db, string slug, long? pageId, CancellationToken ct)
    {
        var key = KeyFor(slug);
        if (await db.LandingPages.AnyAsync(p => p.Id != pageId && (p.Slug == slug || p.PublishedKey == key), ct))
        {
            throw Taken(slug, await FreeAsync(db, slug, ct));
        }
    }

    public static ConflictException Taken(string slug, string free) =>
        new("slug_taken", $"The address /p/{slug} is taken by another page. Try {free}.");

    /// <summary>The storage key of a slug's published HTML.</summary>
    public static string KeyFor(string slug) => $"pages/{slug}/index.html";

    internal static string? SlugOf(string? key) =>
        key is not null && key.StartsWith("pages/", StringComparison.Ordinal) && key.EndsWith("/index.html", StringComparison.Ordinal)
            ? key["pages/".Length..^"/index.html".Length] : null;
}
