using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Reports;

/// <summary>What to analyse: the 7 days ending on <see cref="To"/> (yesterday in the user's time zone when omitted), one ad account or all.</summary>
public sealed record AnalysisRequest
{
    [ReportDate]
    public DateOnly? To { get; init; }

    public long? AdAccountId { get; init; }
}

/// <summary>
/// The performance analysis: a week against the week before, with findings from the dashboard's <see cref="SuggestionRules"/>
/// and the further <see cref="AnalysisRules"/>. Reads the same rollups as the reports, owner-scoped.
/// </summary>
public sealed class ReportAnalysis(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock)
{
    public const int Days = 7;

    /// <summary>Refuses a request that cannot be analysed (bad date, another user's account) before any work or charge.</summary>
    public async Task CheckAsync(long userId, AnalysisRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        if (request.AdAccountId is { } id)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (!await db.AdAccounts.AnyAsync(a => a.Id == id && a.UserId == userId, ct))
            {
                throw new NotFoundException("AdAccount", id);
            }
        }
    }

    public async Task<PerformanceAnalysis> AnalyzeAsync(long userId, AnalysisRequest request, CancellationToken ct = default)
    {
        await CheckAsync(userId, request, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct); // many reads on one connection (see ReportQueries.OpenAsync)
        var to = request.To ?? Periods.Today(clock, await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).SingleOrDefaultAsync(ct)).AddDays(-1);
        var from = to.AddDays(1 - Days);
        var accountId = request.AdAccountId;
        var week = await ReportSuggestions.LoadAsync(db, userId, accountId, from, to, ct);
        var accounts = await db.AdAccounts.Where(a => a.UserId == userId && (accountId == null || a.Id == accountId))
            .Select(a => new AnalysisRules.AccountInfo(a.Id, a.Name, a.Currency)).ToListAsync(ct);
        var days = await ReportQueries.SumAsync(db, userId, new ReportScope { AdAccountId = accountId }, from.AddDays(-Days), to, RollupKey.AdAccount, true, ct);
        // An account reports in its own currency; rows in another (from before a currency change) are left out, never mixed in.
        var currencyOf = accounts.ToDictionary(a => a.Id, a => a.Currency);
        return AnalysisRules.Evaluate(new AnalysisRules.Input(from, to, accounts, week,
            days.Where(d => currencyOf.GetValueOrDefault(d.Key) == d.Currency).Select(d => new AnalysisRules.AccountDay(d.Key, d.Date, d.Sums)).ToList()));
    }
}
