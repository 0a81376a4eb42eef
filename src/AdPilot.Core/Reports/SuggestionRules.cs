namespace AdPilot.Core.Reports;

/// <summary>The suggestion rules as pure functions of last week's numbers: deterministic and unit-tested without a database.</summary>
public static class SuggestionRules
{
    /// <summary>An ad set costs this many times its account's CPA before it is flagged.</summary>
    public const decimal CpaFactor = 1.5m;

    /// <summary>Week-on-week ROAS drop, in percent, that flags a campaign.</summary>
    public const decimal RoasDropPercent = 30m;

    /// <summary>A winner: ROAS at least this over the week, and yesterday's spend at least <see cref="BudgetUsed"/> of its daily budget.</summary>
    public const decimal WinnerRoas = 2m;

    public const decimal BudgetUsed = 0.9m;

    public sealed record CampaignInfo(long Id, long AdAccountId, string Name, bool Active, decimal? DailyBudget);

    public sealed record AdSetInfo(long Id, long AdAccountId, string Name, bool Active);

    public sealed record Input(
        IReadOnlyDictionary<long, Sums> Accounts,
        IReadOnlyDictionary<long, Sums> CampaignsThisWeek,
        IReadOnlyDictionary<long, Sums> CampaignsLastWeek,
        IReadOnlyDictionary<long, Sums> CampaignsYesterday,
        IReadOnlyDictionary<long, Sums> AdSetsThisWeek,
        IReadOnlyList<CampaignInfo> Campaigns,
        IReadOnlyList<AdSetInfo> AdSets);

    public static IReadOnlyList<ReportSuggestion> Evaluate(Input input)
    {
        var suggestions = new List<ReportSuggestion>();
        foreach (var adSet in input.AdSets.Where(s => s.Active).OrderBy(s => s.Id))
        {
            if (input.AdSetsThisWeek.GetValueOrDefault(adSet.Id).Cpa is { } cpa
                && input.Accounts.GetValueOrDefault(adSet.AdAccountId).Cpa is { } accountCpa
                && cpa > accountCpa * CpaFactor)
            {
                suggestions.Add(new ReportSuggestion("high_cpa_ad_set",
                    $"Ad set \"{adSet.Name}\" paid {cpa:0.##} per conversion over the last 7 days, {cpa / accountCpa:0.0}× its account's {accountCpa:0.##}. Consider pausing it.",
                    new SuggestionEntity(ReportLevel.AdSet, adSet.Id, adSet.Name), "pause",
                    new Dictionary<string, decimal?> { ["cpa"] = cpa, ["accountCpa"] = accountCpa, ["ratio"] = Sums.Ratio(cpa, accountCpa), ["spend"] = input.AdSetsThisWeek[adSet.Id].Spend }));
            }
        }

        foreach (var campaign in input.Campaigns.Where(c => c.Active).OrderBy(c => c.Id))
        {
            var week = input.CampaignsThisWeek.GetValueOrDefault(campaign.Id);
            var entity = new SuggestionEntity(ReportLevel.Campaign, campaign.Id, campaign.Name);
            if (week.Roas is { } roas && input.CampaignsLastWeek.GetValueOrDefault(campaign.Id).Roas is { } before
                && Sums.Change(roas, before) is { } change && change < -RoasDropPercent)
            {
                suggestions.Add(new ReportSuggestion("roas_drop",
                    $"Campaign \"{campaign.Name}\" returned {roas:0.##}× its spend over the last 7 days, down {-change:0.#} % from {before:0.##}× the week before. Open it to see which ad sets slipped.",
                    entity, "open", new Dictionary<string, decimal?> { ["roas"] = roas, ["previousRoas"] = before, ["changePercent"] = change }));
            }

            var yesterday = input.CampaignsYesterday.GetValueOrDefault(campaign.Id).Spend;
            if (campaign.DailyBudget is { } budget && budget > 0 && week.Roas is { } winnerRoas && winnerRoas >= WinnerRoas && yesterday >= budget * BudgetUsed)
            {
                suggestions.Add(new ReportSuggestion("budget_limited_winner",
                    $"Campaign \"{campaign.Name}\" returns {winnerRoas:0.##}× its spend and used {yesterday / budget:P0} of its {budget:0.##} daily budget yesterday. A higher budget could buy more of it.",
                    entity, "open", new Dictionary<string, decimal?> { ["roas"] = winnerRoas, ["spendYesterday"] = yesterday, ["dailyBudget"] = budget, ["budgetUsed"] = Sums.Ratio(yesterday, budget) }));
            }
        }

        return suggestions;
    }
}
