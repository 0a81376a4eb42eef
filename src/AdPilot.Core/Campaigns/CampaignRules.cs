using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Campaigns;

/// <summary>
/// The checks a campaign write runs before it changes anything, shared by <see cref="CampaignService"/> and
/// <see cref="CampaignChanges"/> so that a preview fails exactly like the write it previews.
/// </summary>
internal static class CampaignRules
{
    public static void Validate(CreateCampaignRequest request)
    {
        RequestValidator.Validate(request);
        ValidateDates(request.StartDate, request.EndDate);
        foreach (var (adSet, i) in request.AdSets.Select((s, i) => (s, i)))
        {
            ValidateAdSet(adSet, $"adSets[{i}]");
        }
    }

    /// <summary>The dates are checked as they will be: the request's where given, the campaign's otherwise.</summary>
    public static void Validate(UpdateCampaignRequest request, Campaign current)
    {
        RequestValidator.Validate(request);
        ValidateDates(request.StartDate ?? current.StartDate, request.EndDate ?? current.EndDate);
    }

    public static void Validate(AdSetInput input)
    {
        RequestValidator.Validate(input);
        ValidateAdSet(input, "");
    }

    public static void Validate(UpdateAdSetRequest request)
    {
        RequestValidator.Validate(request);
        if (request.Targeting is { } targeting)
        {
            ValidateTargeting(targeting, "targeting");
        }
    }

    public static async Task<AdAccount> OwnedAccountAsync(AppDbContext db, long userId, long adAccountId, CancellationToken ct) =>
        await db.AdAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == adAccountId && a.UserId == userId, ct)
        ?? throw ValidationFailedException.For("adAccountId", "Choose one of your ad accounts.");

    public static async Task EnsureCreativesAsync(AppDbContext db, long userId, IEnumerable<long?> creativeIds, CancellationToken ct)
    {
        var wanted = creativeIds.OfType<long>().Distinct().ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var owned = await db.Creatives.Where(c => c.UserId == userId && wanted.Contains(c.Id)).CountAsync(ct);
        if (owned != wanted.Count)
        {
            throw ValidationFailedException.For("creativeId", "Choose one of your creatives.");
        }
    }

    public static async Task<Campaign> LoadAsync(AppDbContext db, long userId, long id, CancellationToken ct) =>
        await db.Campaigns.Include(c => c.AdAccount).Include(c => c.AdSets).ThenInclude(s => s.Ads)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, ct)
        ?? throw new NotFoundException("Campaign", id);

    private static void ValidateDates(DateOnly? start, DateOnly? end)
    {
        if (start is { } s && end is { } e && e < s)
        {
            throw ValidationFailedException.For("endDate", "The end date must be on or after the start date.");
        }
    }

    /// <summary>Rules across fields of an ad set the caller already ran <see cref="RequestValidator"/> over (it covers the nested ads).</summary>
    private static void ValidateAdSet(AdSetInput input, string prefix)
    {
        ValidateTargeting(input.Targeting, Field(prefix, "targeting"));
        if (input.Budget is not null && input.BudgetType is null)
        {
            throw ValidationFailedException.For(Field(prefix, "budgetType"), "Say whether the ad set budget is daily or lifetime.");
        }
    }

    private static void ValidateTargeting(TargetingInput targeting, string field)
    {
        if (targeting.AgeMin is { } min && targeting.AgeMax is { } max && max < min)
        {
            throw ValidationFailedException.For($"{field}.ageMax", "The maximum age must not be below the minimum age.");
        }

        // The stored JSON has a column limit; escaped non-ASCII text can be six times longer than it looks.
        if (CampaignMapping.TargetingJson(targeting).Length > CampaignMapping.MaxTargetingJsonLength)
        {
            throw ValidationFailedException.For(field, "The targeting is too large: use fewer or shorter locations, interests and placements.");
        }
    }

    private static string Field(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";
}
