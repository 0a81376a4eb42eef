#pragma warning disable CS9113 // SKELETON (#15 in progress): remove this line when implementing
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AdPilot.Core.LandingPages;

public enum PageEventType
{
    View,
    Click,
}

/// <summary>What the beacon knows about a visitor: nothing personal is stored (no IP, no cookie); the IP only feeds the rate limit.</summary>
public sealed record Visitor(string? UserAgent, string? IpAddress);

/// <summary>
/// Conversions and leads: the beacon's views and CTA clicks and the lead form's submissions, counted per page per day;
/// leads listed and exported per page for its owner.
/// </summary>
public sealed class LandingPageTracking(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<LandingPageTracking> logger)
{
    /// <summary>Counts a view or click on a published page; false when it was not counted (no such page, a bot).</summary>
    public Task<bool> RecordAsync(string slug, PageEventType type, string? blockId, Visitor visitor, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    /// <summary>Stores a lead from a published page's form; validation errors name the fields; a filled honeypot is dropped silently.</summary>
    public Task<LeadView?> SubmitLeadAsync(string slug, IReadOnlyDictionary<string, string> form, Visitor visitor, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    public Task<Paged<LeadView>> ListLeadsAsync(long userId, long landingPageId, int page, int pageSize, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    /// <summary>Every lead of the page as CSV (one column per form field), streamed.</summary>
    public Task WriteLeadsCsvAsync(long userId, long landingPageId, Stream output, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");

    public Task<LandingPageStats> GetStatsAsync(long userId, long landingPageId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        throw new NotImplementedException("#15");
}
