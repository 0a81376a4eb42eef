using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Reports;

/// <summary>The additive columns every fact table shares: the ad-day rows, the archived rows and the rollups.</summary>
public interface IDayFacts
{
    long UserId { get; }
    long AdAccountId { get; }
    DateOnly Date { get; }
    string Currency { get; }
    decimal Spend { get; }
    long Impressions { get; }
    long Clicks { get; }
    long Conversions { get; }
    decimal Revenue { get; }
}

/// <summary>One group's sums, read from the database (the grouping runs in SQL).</summary>
internal sealed class FactSum
{
    public long Key { get; set; }
    public DateOnly Date { get; set; }
    public string Currency { get; set; } = "";
    public decimal Spend { get; set; }
    public long Impressions { get; set; }
    public long Clicks { get; set; }
    public long Conversions { get; set; }
    public decimal Revenue { get; set; }

    public Sums Sums => new(Spend, Impressions, Clicks, Conversions, Revenue);
}

internal static class ReportFacts
{
    /// <summary>
    /// Sums grouped in SQL by (key, day when <paramref name="byDate"/>, currency). The key is any column (or none), so one
    /// method serves the series, the summary and every breakdown on all three tables.
    /// </summary>
    public static Task<List<FactSum>> SumAsync<T>(IQueryable<T> rows, Expression<Func<T, long>>? key, bool byDate, CancellationToken ct)
        where T : class, IDayFacts => GroupAsync(Project(rows, key, byDate), key is not null, byDate, ct);

    /// <summary>
    /// Sums over two fact tables in one statement: both projections under one UNION ALL and one GROUP BY, so a range read from
    /// two sources (week rollup and the days at its edges, live and archived rows) is one round trip, not two.
    /// </summary>
    public static Task<List<FactSum>> SumAsync<TA, TB>(
        IQueryable<TA> a, Expression<Func<TA, long>>? keyA, IQueryable<TB> b, Expression<Func<TB, long>>? keyB, bool byDate, CancellationToken ct)
        where TA : class, IDayFacts
        where TB : class, IDayFacts =>
        GroupAsync(Project(a, keyA, byDate).Concat(Project(b, keyB, byDate)), keyA is not null, byDate, ct);

    private static IQueryable<FactSum> Project<T>(IQueryable<T> rows, Expression<Func<T, long>>? key, bool byDate)
        where T : class, IDayFacts
    {
        // Only columns in the projection and the grouping (no constants), so the SQL is one flat GROUP BY over the index.
        var m = Expression.Parameter(typeof(T), "m");
        Expression Prop(string name) => Expression.Property(m, typeof(T).GetProperty(name)!);
        MemberAssignment Bind(string name, Expression value) => Expression.Bind(typeof(FactSum).GetProperty(name)!, value);
        var bindings = new List<MemberBinding>
        {
            Bind(nameof(FactSum.Currency), Prop(nameof(IDayFacts.Currency))),
            Bind(nameof(FactSum.Spend), Prop(nameof(IDayFacts.Spend))),
            Bind(nameof(FactSum.Impressions), Prop(nameof(IDayFacts.Impressions))),
            Bind(nameof(FactSum.Clicks), Prop(nameof(IDayFacts.Clicks))),
            Bind(nameof(FactSum.Conversions), Prop(nameof(IDayFacts.Conversions))),
            Bind(nameof(FactSum.Revenue), Prop(nameof(IDayFacts.Revenue))),
        };
        if (key is not null)
        {
            bindings.Add(Bind(nameof(FactSum.Key), new Rebind(key.Parameters[0], m).Visit(key.Body)));
        }

        if (byDate)
        {
            bindings.Add(Bind(nameof(FactSum.Date), Prop(nameof(IDayFacts.Date))));
        }

        return rows.Select(Expression.Lambda<Func<T, FactSum>>(Expression.MemberInit(Expression.New(typeof(FactSum)), bindings), m));
    }

    private static Task<List<FactSum>> GroupAsync(IQueryable<FactSum> facts, bool keyed, bool byDate, CancellationToken ct) =>
        (keyed, byDate) switch
        {
            (true, true) => facts.GroupBy(f => new { f.Key, f.Date, f.Currency }).Select(g => new FactSum
            {
                Key = g.Key.Key, Date = g.Key.Date, Currency = g.Key.Currency, Spend = g.Sum(f => f.Spend), Impressions = g.Sum(f => f.Impressions),
                Clicks = g.Sum(f => f.Clicks), Conversions = g.Sum(f => f.Conversions), Revenue = g.Sum(f => f.Revenue),
            }).ToListAsync(ct),
            (true, false) => facts.GroupBy(f => new { f.Key, f.Currency }).Select(g => new FactSum
            {
                Key = g.Key.Key, Currency = g.Key.Currency, Spend = g.Sum(f => f.Spend), Impressions = g.Sum(f => f.Impressions),
                Clicks = g.Sum(f => f.Clicks), Conversions = g.Sum(f => f.Conversions), Revenue = g.Sum(f => f.Revenue),
            }).ToListAsync(ct),
            (false, true) => facts.GroupBy(f => new { f.Date, f.Currency }).Select(g => new FactSum
            {
                Date = g.Key.Date, Currency = g.Key.Currency, Spend = g.Sum(f => f.Spend), Impressions = g.Sum(f => f.Impressions),
                Clicks = g.Sum(f => f.Clicks), Conversions = g.Sum(f => f.Conversions), Revenue = g.Sum(f => f.Revenue),
            }).ToListAsync(ct),
            _ => facts.GroupBy(f => f.Currency).Select(g => new FactSum
            {
                Currency = g.Key, Spend = g.Sum(f => f.Spend), Impressions = g.Sum(f => f.Impressions),
                Clicks = g.Sum(f => f.Clicks), Conversions = g.Sum(f => f.Conversions), Revenue = g.Sum(f => f.Revenue),
            }).ToListAsync(ct),
        };

    /// <summary>Adds groups with the same key, day and currency (live and archived rows of one ad set, say).</summary>
    public static List<FactSum> Merge(IEnumerable<FactSum> parts) =>
        parts.GroupBy(p => (p.Key, p.Date, p.Currency))
            .Select(g => g.Aggregate(new FactSum { Key = g.Key.Key, Date = g.Key.Date, Currency = g.Key.Currency }, (acc, p) =>
            {
                acc.Spend += p.Spend;
                acc.Impressions += p.Impressions;
                acc.Clicks += p.Clicks;
                acc.Conversions += p.Conversions;
                acc.Revenue += p.Revenue;
                return acc;
            }))
            .ToList();

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>Facts that know their campaign: the ad-day rows and the campaign rollups.</summary>
public interface ICampaignFacts : IDayFacts
{
    long CampaignId { get; }
}

/// <summary>The ad-day rows (live and archived) also know their ad set and ad.</summary>
public interface IAdFacts : ICampaignFacts
{
    long AdSetId { get; }
    long AdId { get; }
}
