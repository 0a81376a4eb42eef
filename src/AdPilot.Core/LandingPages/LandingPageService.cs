using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// Landing pages: list, details, create (blank, from a template or a document), edit the draft, delete, versions and
/// roll back. Every call is scoped to the user; another user's page is "not found". Publishing is
/// <see cref="LandingPagePublisher"/>'s.
/// </summary>
public sealed class LandingPageService(
    IDbContextFactory<AppDbContext> dbFactory,
    LandingPagePublisher publisher,
    TimeProvider clock,
    ILogger<LandingPageService> logger)
{
    private const string Resource = "landing_page";

    public async Task<Paged<LandingPageSummary>> ListAsync(long userId, LandingPageQuery query, CancellationToken ct = default)
    {
        RequestValidator.Validate(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LandingPageList.QueryAsync(db, userId, query, ct);
    }

    public async Task<LandingPageView> GetAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LandingPageViews.ViewAsync(db, await FindAsync(db, userId, id, ct), ct);
    }

    public async Task<LandingPageView> CreateAsync(long userId, CreateLandingPageRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        var name = request.Name.Trim();
        var document = LandingPageRules.Normalise(StartingDocument(request, name), new HashSet<string>());
        var now = LandingPageViews.Stamp(clock.GetUtcNow().UtcDateTime);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            string slug;
            if (request.Slug is { } wanted)
            {
                await LandingPageSlugs.RequireFreeAsync(db, wanted, null, ct);
                slug = wanted;
            }
            else
            {
                slug = await LandingPageSlugs.FreeAsync(db, LandingPageSlugs.FromName(name), ct);
            }

            var page = new LandingPage
            {
                UserId = userId, Name = name, Slug = slug, ContentJson = document.ToJson(), ThemeColor = document.Theme.PrimaryColor,
                CreatedAt = now, UpdatedAt = now,
            };
            db.LandingPages.Add(page);
            try
            {
                await db.SaveChangesAsync(ct);
                logger.LogInformation("Landing page {PageId} created by user {UserId} at /p/{Slug}.", page.Id, userId, slug);
                return await LandingPageViews.ViewAsync(db, page, ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another page took the slug between the check and the insert: check again (an explicit slug is then refused).
            }
        }
    }

    /// <summary>Saves the draft (the editor's autosave); 409 <c>edit_conflict</c> when <c>BaseUpdatedAt</c> is stale, 409 <c>slug_taken</c>.</summary>
    public async Task<LandingPageView> UpdateAsync(long userId, long id, UpdateLandingPageRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await FindAsync(db, userId, id, ct);
        if (request.BaseUpdatedAt is { } seen && LandingPageViews.Stamp(seen) != LandingPageViews.Stamp(page.UpdatedAt))
        {
            throw new ConflictException("edit_conflict",
                "This page was changed elsewhere (another tab or the assistant) since it was loaded. Reload it to see those changes, then edit again.");
        }

        if (request.Document is { } document)
        {
            var images = await publisher.ExistingImagesAsync(id, LandingPageRules.AssetFiles(document), ct);
            var saved = LandingPageRules.Normalise(document, images);
            page.ContentJson = saved.ToJson();
            page.ThemeColor = saved.Theme.PrimaryColor;
        }

        if (request.Slug is { } slug && slug != page.Slug)
        {
            await LandingPageSlugs.RequireFreeAsync(db, slug, id, ct);
            page.Slug = slug;
        }

        page.Name = request.Name?.Trim() is { Length: > 0 } name ? name : page.Name;
        page.NotifyOnLead = request.NotifyOnLead ?? page.NotifyOnLead;
        page.UpdatedAt = LandingPageViews.Stamp(clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (request.Slug is not null)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            throw LandingPageSlugs.Taken(request.Slug, await LandingPageSlugs.FreeAsync(fresh, request.Slug, ct));
        }

        return await LandingPageViews.ViewAsync(db, page, ct);
    }

    /// <summary>Deletes the page, its versions, leads and stats, its published HTML and its images.</summary>
    public async Task DeleteAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await FindAsync(db, userId, id, ct);
        await publisher.DeleteFilesAsync(page, ct);
        db.LandingPages.Remove(page);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Landing page {PageId} deleted by user {UserId}.", id, userId);
    }

    public async Task<IReadOnlyList<LandingPageVersionView>> ListVersionsAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await FindAsync(db, userId, id, ct);
        return await db.LandingPageVersions.Where(v => v.LandingPageId == id && v.UserId == userId).OrderByDescending(v => v.Version)
            .Select(v => new LandingPageVersionView(v.Version, v.PublishedAt, v.HtmlBytes, v.Version == page.PublishedVersion))
            .ToListAsync(ct);
    }

    /// <summary>Copies a published version back into the draft; a published page is republished with it (a new version).</summary>
    public async Task<LandingPageView> RollbackAsync(long userId, long id, int version, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var page = await FindAsync(db, userId, id, ct);
            var content = await db.LandingPageVersions.Where(v => v.LandingPageId == id && v.UserId == userId && v.Version == version)
                .Select(v => v.ContentJson).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("landing_page_version", version);
            page.ContentJson = content;
            page.ThemeColor = LandingPageDocument.Parse(content).Theme.PrimaryColor;
            page.UpdatedAt = LandingPageViews.Stamp(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            if (page.Status != LandingPageStatus.Published)
            {
                return await LandingPageViews.ViewAsync(db, page, ct);
            }
        }

        return await publisher.PublishAsync(userId, id, ct);
    }

    /// <summary>The draft rendered as the public page would be, without the beacon and with the form inert (editor preview).</summary>
    public async Task<string> PreviewAsync(long userId, long id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Preview(await FindAsync(db, userId, id, ct));
    }

    /// <summary>The previews of several of the user's pages in one read (a page of list cards); others' ids are left out.</summary>
    public async Task<IReadOnlyDictionary<long, string>> PreviewsAsync(long userId, IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pages = await db.LandingPages.AsNoTracking().Where(p => p.UserId == userId && ids.Contains(p.Id)).ToListAsync(ct);
        return pages.ToDictionary(p => p.Id, Preview);
    }

    private string Preview(LandingPage page) => LandingPageRenderer.Render(LandingPageDocument.Parse(page.ContentJson),
        new RenderContext(page.Id, page.Slug, "", null, publisher.AssetUrl(page.Id), Preview: true));

    private static async Task<LandingPage> FindAsync(AppDbContext db, long userId, long id, CancellationToken ct) =>
        await db.LandingPages.FirstOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct) ?? throw new NotFoundException(Resource, id);

    private static LandingPageDocument StartingDocument(CreateLandingPageRequest request, string name)
    {
        if (request.Document is { } document)
        {
            return document;
        }

        var language = request.Language ?? "en";
        if (request.Template is { } key)
        {
            return LandingPageTemplates.Find(key, language)?.Document
                ?? throw ValidationFailedException.For("template", $"template must be one of {string.Join(", ", LandingPageTemplates.Keys)}.");
        }

        return BlankPage.For(name, language);
    }
}
