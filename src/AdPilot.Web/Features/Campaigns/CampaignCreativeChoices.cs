using AdPilot.Core.Creatives;

namespace AdPilot.Web.Features.Campaigns;

public sealed record CreativeChoice(long Id, string Name, string? ThumbnailUrl, int? QualityScore);

/// <summary>The user's active creatives, newest first, for choosing one in the campaign wizard.</summary>
public sealed class CampaignCreativeChoices(CreativeService creatives)
{
    public async Task<IReadOnlyList<CreativeChoice>> ListAsync(long userId, CancellationToken ct = default) =>
        (await creatives.ListAsync(userId, new CreativeQuery { Status = CreativeStatus.Active, PageSize = 100 }, ct)).Items
            .Select(c => new CreativeChoice(c.Id, c.Name, c.ThumbnailUrl, c.QualityScore)).ToList();
}
