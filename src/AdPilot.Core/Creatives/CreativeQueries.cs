using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Creatives;

/// <summary>The library list: filters, name search, sort and pages, always within one user's creatives.</summary>
internal static class CreativeQueries
{
    public static async Task<Paged<CreativeView>> ListAsync(
        IDbContextFactory<AppDbContext> dbFactory, long userId, CreativeQuery query, Func<Creative, CreativeView> view, CancellationToken ct)
    {
        RequestValidator.Validate(query);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = db.Creatives.AsNoTracking().Where(c => c.UserId == userId);
        if (query.Type is { } type)
        {
            rows = rows.Where(c => c.Type == type);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(c => c.Status == status);
        }

        foreach (var tag in CreativeTagRules.Normalize(query.Tags))
        {
            rows = rows.Where(c => c.Tags.Any(t => t.Tag == tag));
        }

        if (query.CreatedFrom is { } from)
        {
            rows = rows.Where(c => c.CreatedAt >= from);
        }

        if (query.CreatedTo is { } to)
        {
            rows = rows.Where(c => c.CreatedAt < to);
        }

        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            var pattern = "%" + search.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            rows = rows.Where(c => EF.Functions.Like(c.Name, pattern, "\\"));
        }

        var total = await rows.CountAsync(ct);
        var ordered = query.Sort switch
        {
            CreativeSort.Oldest => rows.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
            CreativeSort.Name => rows.OrderBy(c => c.Name).ThenBy(c => c.Id),
            CreativeSort.Score => rows.OrderByDescending(c => c.QualityScore).ThenByDescending(c => c.Id),
            _ => rows.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
        };
        var items = await ordered.Include(c => c.Tags).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        return new Paged<CreativeView>(items.Select(view).ToList(), query.Page, query.PageSize, total);
    }
}
