using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Core.Data;
using AdPilot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.LandingPages;

/// <summary>An uploaded page image: the reference the document keeps and a URL the editor can show now.</summary>
public sealed record PageImageUpload(string Ref, string Url, int Width, int Height);

/// <summary>
/// Images for a page, uploaded from the editor (already resized in the browser): checked by their bytes with the creative
/// upload rules, stored under the page with smaller copies for <c>srcset</c> (<see cref="PageImages"/>).
/// </summary>
public sealed class PageImageService(IDbContextFactory<AppDbContext> dbFactory, IObjectStorage storage, IOptions<LandingPageOptions> options, CreativeMedia media)
{
    public async Task<PageImageUpload> UploadAsync(long userId, long landingPageId, Stream content, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (!await db.LandingPages.AnyAsync(p => p.Id == landingPageId && p.UserId == userId, ct))
            {
                throw new NotFoundException("LandingPage", landingPageId);
            }
        }

        var limit = options.Value.MaxImageBytes;
        await using var temp = await TempFile.CopyAsync(content, limit,
            () => CreativeMedia.Invalid($"The image is larger than the {limit:N0} bytes accepted."), ct);
        var facts = await media.InspectAsync(temp, ct);
        if (facts.Format.Type != CreativeType.Image || facts.Width is not { } width || facts.Height is not { } height)
        {
            throw CreativeMedia.Invalid("A page takes pictures only (JPEG, PNG, WebP or GIF); add a video with a video block and its YouTube or Vimeo link.");
        }

        var file = $"{Guid.NewGuid():N}{facts.Format.Extension}";
        var copies = facts.Format == MediaFormat.Gif
            ? [] // the decoder reads a GIF's first frame only: its copies keep the animation by being the original (below)
            : await media.ResizedCopiesAsync(temp, facts.Format, PageImages.Widths, ct);
        try
        {
            temp.Position = 0;
            await storage.PutAsync(PageImages.Key(landingPageId, file), temp, facts.Format.ContentType, ct);
            foreach (var (copyWidth, copy) in copies)
            {
                await storage.PutAsync(PageImages.Key(landingPageId, PageImages.Copy(file, copyWidth)), copy, facts.Format.ContentType, ct);
            }

            if (facts.Format == MediaFormat.Gif)
            {
                foreach (var copyWidth in PageImages.Widths.Where(w => w < width))
                {
                    temp.Position = 0;
                    await storage.PutAsync(PageImages.Key(landingPageId, PageImages.Copy(file, copyWidth)), temp, facts.Format.ContentType, ct);
                }
            }
        }
        finally
        {
            foreach (var (_, copy) in copies)
            {
                await copy.DisposeAsync();
            }
        }

        return new PageImageUpload(PageImages.Ref(file, width), LandingPageRoutes.Asset(landingPageId, file), width, height);
    }

    /// <summary>An image of a page for <c>/p/assets/{pageId}/{file}</c>: its stream and content type, or null.</summary>
    public async Task<(Stream Content, string ContentType)?> ReadAsync(long landingPageId, string file, CancellationToken ct = default)
    {
        if (!PageImages.IsFile(file) || ContentTypeOf(file) is not { } contentType)
        {
            return null;
        }

        var content = await storage.GetAsync(PageImages.Key(landingPageId, file), ct);
        return content is null ? null : (content, contentType);
    }

    private static string? ContentTypeOf(string file) =>
        MediaFormat.All.FirstOrDefault(f => f.Type == CreativeType.Image && file.EndsWith(f.Extension, StringComparison.Ordinal))?.ContentType;
}
