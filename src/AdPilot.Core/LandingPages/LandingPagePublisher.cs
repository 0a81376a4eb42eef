#pragma warning disable CS9113 // SKELETON (#15 in progress): remove this line when implementing
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
    ILogger<LandingPagePublisher> logger)
{
    public Task<LandingPageView> PublishAsync(long userId, long id, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    public Task<LandingPageView> UnpublishAsync(long userId, long id, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    /// <summary>The live HTML for a slug, or null when no page with that slug is published.</summary>
    public Task<PublishedPage?> ReadAsync(string slug, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");
}
