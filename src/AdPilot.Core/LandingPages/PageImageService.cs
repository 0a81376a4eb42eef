#pragma warning disable CS9113 // SKELETON (#15 in progress): remove this line when implementing
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
public sealed class PageImageService(IDbContextFactory<AppDbContext> dbFactory, IObjectStorage storage, IOptions<LandingPageOptions> options)
{
    public Task<PageImageUpload> UploadAsync(long userId, long landingPageId, Stream content, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    /// <summary>An image of a page for <c>/p/assets/{pageId}/{file}</c>: its stream and content type, or null.</summary>
    public Task<(Stream Content, string ContentType)?> ReadAsync(long landingPageId, string file, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");
}
