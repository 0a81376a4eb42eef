using System.Security.Cryptography;
using System.Text;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.LandingPages;

/// <summary>A published page as served: the HTML bytes and their strong ETag.</summary>
public sealed record PublishedPage(long LandingPageId, byte[] Html, string ETag, DateTime PublishedAt);

/// <summary>
/// Publishing (P21): renders the draft to one HTML file, writes it to object storage, records a version, invalidates the
/// CDN path on republish; unpublishing deletes the object so the URL answers 404. Also reads published pages for
/// <c>/p/{slug}</c>, cached in memory for <see cref="LandingPageOptions.CacheFor"/>.
/// </summary>
public sealed class LandingPagePublisher(
    IDbContextFactory<AppDbContext> dbFactory,
    IObjectStorage storage,
    ICdnInvalidator cdn,
    LandingPageAdLinks adLinks,
    IOptions<LandingPageOptions> options,
    IOptions<StorageOptions> storageOptions,
    TimeProvider clock,
    ILogger<LandingPagePublisher> logger) : IDisposable
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    private readonly PublishedPageCache _cache = new(options.Value.CacheFor);

    private string BaseUrl => options.Value.PublicBaseUrl.TrimEnd('/');

    private bool OnS3 => storageOptions.Value.Provider == StorageProvider.S3;

    public async Task<LandingPageView> PublishAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await db.LandingPages.FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct) ?? throw new NotFoundException("landing_page", id);
        var document = LandingPageDocument.Parse(page.ContentJson);
        LandingPageRules.CheckPublishable(document);
        if (OnS3 && BaseUrl.Length == 0)
        {
            logger.LogWarning("Landing page {PageId} is published to S3 but LandingPages:PublicBaseUrl is empty: its beacon and lead form point at the bucket and will not reach AdPilot.", id);
        }

        var key = LandingPageSlugs.KeyFor(page.Slug);
        var url = OnS3 ? storage.PublicUrl(key) : BaseUrl + LandingPageRoutes.Page(page.Slug);
        var html = Encoding.UTF8.GetBytes(LandingPageRenderer.Render(document, new RenderContext(page.Id, page.Slug, BaseUrl, url, AssetUrl(page.Id), Preview: false)));
        var (previousKey, previousUrl) = (page.PublishedKey, page.PublishedUrl);
        var next = (await db.LandingPageVersions.Where(v => v.LandingPageId == id).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;

        await storage.PutAsync(key, new MemoryStream(html), HtmlContentType, ct);
        var now = LandingPageViews.Stamp(clock.GetUtcNow().UtcDateTime);
        db.LandingPageVersions.Add(new LandingPageVersion
        {
            UserId = userId, LandingPageId = id, Version = next, ContentJson = page.ContentJson, HtmlBytes = html.Length, PublishedAt = now,
        });
        (page.Status, page.PublishedUrl, page.PublishedKey, page.PublishedVersion, page.PublishedETag, page.PublishedAt) =
            (LandingPageStatus.Published, url, key, next, ETagOf(html), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("publish_conflict", "The page was being published at the same moment; try again.");
        }

        _cache.Evict(key);
        if (previousKey is not null && previousKey != key)
        {
            // The slug changed since the last publish: the old address stops serving this page.
            await storage.DeleteAsync(previousKey, ct);
            _cache.Evict(previousKey);
            await InvalidateAsync(previousKey, ct);
        }

        if (next > 1)
        {
            await InvalidateAsync(key, ct);
        }

        await FollowAsync(userId, id, previousUrl, url, ct);
        logger.LogInformation("Landing page {PageId} published as version {Version} ({Bytes} bytes).", id, next, html.Length);
        return await LandingPageViews.ViewAsync(db, page, ct);
    }

    public async Task<LandingPageView> UnpublishAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await db.LandingPages.FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct) ?? throw new NotFoundException("landing_page", id);
        var previousUrl = page.PublishedUrl;
        await TakeDownAsync(page, ct);
        page.Status = LandingPageStatus.Draft;
        (page.PublishedUrl, page.PublishedKey, page.PublishedVersion, page.PublishedETag) = (null, null, null, null);
        await db.SaveChangesAsync(ct);
        await FollowAsync(userId, id, previousUrl, null, ct);
        return await LandingPageViews.ViewAsync(db, page, ct);
    }

    /// <summary>The live HTML for a slug, or null when no page with that slug is published.</summary>
    public Task<PublishedPage?> ReadAsync(string slug, CancellationToken ct = default) =>
        !SlugAttribute.IsSlug(slug) ? Task.FromResult<PublishedPage?>(null) : _cache.GetAsync(LandingPageSlugs.KeyFor(slug), LoadAsync, ct);

    /// <summary>After an account's deletion: this node stops serving its published pages from memory at once.</summary>
    public void Forget(IEnumerable<string> publishedKeys)
    {
        foreach (var key in publishedKeys)
        {
            _cache.Evict(key);
        }
    }

    /// <summary>How the draft's images are addressed: the app's <c>/p/assets</c> route (local store) or the bucket/CDN URL (S3).</summary>
    internal Func<string, string> AssetUrl(long pageId) => file =>
        OnS3 ? storage.PublicUrl(PageImages.Key(pageId, file)) : BaseUrl + LandingPageRoutes.Asset(pageId, file);

    /// <summary>Which of <paramref name="files"/> this page has in storage.</summary>
    internal async Task<HashSet<string>> ExistingImagesAsync(long pageId, IEnumerable<string> files, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (await storage.ExistsAsync(PageImages.Key(pageId, file), ct))
            {
                found.Add(file);
            }
        }

        return found;
    }

    /// <summary>Before a page is deleted: its published HTML (with the CDN path) and every image under its prefix.</summary>
    internal async Task DeleteFilesAsync(LandingPage page, CancellationToken ct)
    {
        await TakeDownAsync(page, ct);
        await foreach (var file in storage.ListOlderThanAsync(PageImages.Prefix(page.Id), DateTimeOffset.MaxValue, ct))
        {
            await storage.DeleteAsync(file.Key, ct);
        }
    }

    private async Task TakeDownAsync(LandingPage page, CancellationToken ct)
    {
        if (page.PublishedKey is not { } key)
        {
            return;
        }

        await storage.DeleteAsync(key, ct);
        _cache.Evict(key);
        await InvalidateAsync(key, ct);
    }

    private async Task<PublishedPage?> LoadAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.LandingPages.Where(p => p.PublishedKey == key && p.Status == LandingPageStatus.Published)
            .Select(p => new { p.Id, p.PublishedAt }).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        await using var stream = await storage.GetAsync(key, ct);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        var html = buffer.ToArray();
        return new PublishedPage(row.Id, html, ETagOf(html), row.PublishedAt ?? default);
    }

    /// <summary>
    /// The object is already new when this runs; a CDN that cannot be told only serves the old copy until its TTL ends, so a
    /// failure is logged and the publish stands (docs/decisions/031).
    /// </summary>
    private async Task InvalidateAsync(string key, CancellationToken ct)
    {
        try
        {
            await cdn.InvalidateAsync([key], ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "The CDN invalidation of {Key} failed; the CDN serves its cached copy until it expires.", key);
        }
    }

    /// <summary>Ads that point at the page follow its address when it changed (<see cref="LandingPageAdLinks"/>).</summary>
    private Task FollowAsync(long userId, long id, string? before, string? after, CancellationToken ct) =>
        before == after ? Task.CompletedTask : adLinks.FollowAsync(userId, id, after, ct);

    public void Dispose() => _cache.Dispose();

    /// <summary>Strong ETag: the quoted first 32 hex digits of the HTML's SHA-256.</summary>
    internal static string ETagOf(byte[] html) => $"\"{Convert.ToHexStringLower(SHA256.HashData(html))[..32]}\"";
}
