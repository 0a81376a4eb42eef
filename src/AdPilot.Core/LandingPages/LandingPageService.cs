#pragma warning disable CS9113 // SKELETON (#15 in progress): remove this line when implementing
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
    public Task<Paged<LandingPageSummary>> ListAsync(long userId, LandingPageQuery query, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    public Task<LandingPageView> GetAsync(long userId, long id, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    public Task<LandingPageView> CreateAsync(long userId, CreateLandingPageRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    /// <summary>Saves the draft (the editor's autosave); 409 <c>edit_conflict</c> when <c>BaseUpdatedAt</c> is stale, 409 <c>slug_taken</c>.</summary>
    public Task<LandingPageView> UpdateAsync(long userId, long id, UpdateLandingPageRequest request, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    /// <summary>Deletes the page, its versions, leads and stats, its published HTML and its images.</summary>
    public Task DeleteAsync(long userId, long id, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    public Task<IReadOnlyList<LandingPageVersionView>> ListVersionsAsync(long userId, long id, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    /// <summary>Copies a published version back into the draft; a published page is republished with it (a new version).</summary>
    public Task<LandingPageView> RollbackAsync(long userId, long id, int version, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    /// <summary>The draft rendered as the public page would be, without the beacon and with the form inert (editor preview).</summary>
    public Task<string> PreviewAsync(long userId, long id, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");
}
