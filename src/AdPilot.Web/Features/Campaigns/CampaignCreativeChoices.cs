using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Web.Features.Campaigns;

public sealed record CreativeChoice(long Id, string Name);

/// <summary>The user's active creatives, newest first, for choosing one in the campaign wizard.</summary>
public sealed class CampaignCreativeChoices(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<IReadOnlyList<CreativeChoice>> ListAsync(long userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Creatives.AsNoTracking().Where(c => c.UserId == userId && c.Status == AdPilot.Core.Creatives.CreativeStatus.Active)
            .OrderByDescending(c => c.CreatedAt).Take(200).Select(c => new CreativeChoice(c.Id, c.Name)).ToListAsync(ct);
    }
}
