namespace AdPilot.Core.Reports;

/// <summary>One finding of a performance analysis: the rule that fired, on what, and the numbers behind it.</summary>
/// <param name="Severity">warning (costs money now), opportunity (could earn more) or info.</param>
/// <param name="Date">The day a day-level finding (an anomaly) is about; null for findings about the whole week.</param>
public sealed record AnalysisFinding(
    string Rule, string Severity, SuggestionEntity? Entity, string Currency, DateOnly? Date, string Reason, string? Action, IReadOnlyDictionary<string, decimal?> Evidence);

/// <summary>A week of results, the week before, and the findings, with totals per currency (never summed across currencies).</summary>
public sealed record PerformanceAnalysis(
    DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, IReadOnlyList<CurrencySummary> Totals, IReadOnlyList<AnalysisFinding> Findings);

/// <summary>
/// The analysis rules beyond the dashboard's <see cref="SuggestionRules"/>, as pure functions of a week's and the week
/// before's numbers: week-on-week change, top and bottom campaigns, CPA and ROAS outliers, and daily anomalies of an ad
/// account against the week before. Every comparison stays inside one currency.
/// </summary>
public static class AnalysisRules
{
    /// <summary>A campaign costs this many times its currency's CPA (or spent it without a conversion) before it is an outlier.</summary>
    public const decimal CpaFactor = SuggestionRules.CpaFactor;

    /// <summary>A campaign's ROAS this many times below (or above) its currency's is an outlier.</summary>
    public const decimal RoasFactor = 2m;

    /// <summary>Week-on-week change, in percent, of ROAS or CPA that makes the week's summary a warning.</summary>
    public const decimal ChangePercent = SuggestionRules.RoasDropPercent;

    /// <summary>A day spending this many times the median day of the week before (or this many times less) is an anomaly.</summary>
    public const decimal SpendFactor = 2m;

    /// <summary>A day with no conversion is an anomaly when the week before's median day had at least this many.</summary>
    public const long UsualConversions = 3;

    /// <summary>Top and bottom lists hold at most this many campaigns per currency (and never overlap).</summary>
    public const int RankSize = 3;

    public sealed record AccountInfo(long Id, string Name, string Currency);

    public sealed record AccountDay(long AdAccountId, DateOnly Date, Sums Sums);

    /// <param name="AccountDays">Each account's days from <c>From - 7</c> to <c>To</c>: the week and the week before.</param>
    public sealed record Input(DateOnly From, DateOnly To, IReadOnlyList<AccountInfo> Accounts, SuggestionRules.Input Week, IReadOnlyList<AccountDay> AccountDays);

    public static PerformanceAnalysis Evaluate(Input input)
    {
        var (previousFrom, previousTo) = (input.From.AddDays(-7), input.From.AddDays(-1));
        var currencyOf = input.Accounts.ToDictionary(a => a.Id, a => a.Currency);
        var totals = Totals(input, currencyOf);
        var findings = new List<AnalysisFinding>();
        findings.AddRange(totals.Select(WeekOnWeek).OfType<AnalysisFinding>());
        foreach (var currency in input.Accounts.Select(a => a.Currency).Distinct().Order(StringComparer.Ordinal))
        {
            var campaigns = input.Week.Campaigns
                .Where(c => currencyOf.GetValueOrDefault(c.AdAccountId) == currency && input.Week.CampaignsThisWeek.GetValueOrDefault(c.Id).Spend > 0)
                .Select(c => (Info: c, Sums: input.Week.CampaignsThisWeek[c.Id]))
                .ToList();
            findings.AddRange(Ranked(campaigns, currency));
            findings.AddRange(Outliers(campaigns, currency));
        }

        findings.AddRange(SuggestionRules.Evaluate(input.Week).Select(s => FromSuggestion(s, input.Week, currencyOf)));
        findings.AddRange(Anomalies(input));
        return new PerformanceAnalysis(input.From, input.To, previousFrom, previousTo, totals, findings);
    }

    private static List<CurrencySummary> Totals(Input input, Dictionary<long, string> currencyOf)
    {
        Sums In(string currency, DateOnly from, DateOnly to) => input.AccountDays
            .Where(d => currencyOf.GetValueOrDefault(d.AdAccountId) == currency && d.Date >= from && d.Date <= to)
            .Aggregate(default(Sums), (acc, d) => acc + d.Sums);
        return input.AccountDays.Select(d => currencyOf.GetValueOrDefault(d.AdAccountId)).OfType<string>().Distinct().Order(StringComparer.Ordinal)
            .Select(c =>
            {
                var (now, before) = (In(c, input.From, input.To).Totals(), In(c, input.From.AddDays(-7), input.From.AddDays(-1)).Totals());
                return new CurrencySummary(c, now, before, Sums.Change(now, before));
            })
            .Where(t => t.Current.Spend > 0 || t.Previous.Spend > 0)
            .ToList();
    }

    private static AnalysisFinding? WeekOnWeek(CurrencySummary t)
    {
        var severity = t.Change.Roas < -ChangePercent || t.Change.Cpa > ChangePercent ? "warning"
            : t.Change.Roas > ChangePercent || t.Change.Cpa < -ChangePercent ? "opportunity" : "info";
        return new AnalysisFinding("week_on_week", severity, null, t.Currency, null,
            $"In {t.Currency}: spend {t.Current.Spend:0.##} ({Percent(t.Change.Spend)}), conversions {t.Current.Conversions} ({Percent(t.Change.Conversions)}), " +
            $"ROAS {t.Current.Roas:0.##} ({Percent(t.Change.Roas)}), CPA {t.Current.Cpa:0.##} ({Percent(t.Change.Cpa)}) against the week before.",
            null,
            new Dictionary<string, decimal?>
            {
                ["spend"] = t.Current.Spend, ["previousSpend"] = t.Previous.Spend, ["spendChangePercent"] = t.Change.Spend,
                ["conversions"] = t.Current.Conversions, ["previousConversions"] = t.Previous.Conversions, ["conversionsChangePercent"] = t.Change.Conversions,
                ["revenue"] = t.Current.Revenue, ["previousRevenue"] = t.Previous.Revenue, ["revenueChangePercent"] = t.Change.Revenue,
                ["cpa"] = t.Current.Cpa, ["previousCpa"] = t.Previous.Cpa, ["cpaChangePercent"] = t.Change.Cpa,
                ["roas"] = t.Current.Roas, ["previousRoas"] = t.Previous.Roas, ["roasChangePercent"] = t.Change.Roas,
            });
    }

    /// <summary>Best and worst campaigns of a currency: by ROAS when the currency has revenue, otherwise by CPA (no conversion is worst).</summary>
    private static IEnumerable<AnalysisFinding> Ranked(List<(SuggestionRules.CampaignInfo Info, Sums Sums)> campaigns, string currency)
    {
        if (campaigns.Count < 2)
        {
            yield break;
        }

        var byRoas = campaigns.Sum(c => c.Sums.Revenue) > 0;
        var ordered = (byRoas
                ? campaigns.OrderByDescending(c => c.Sums.Roas)
                : campaigns.OrderBy(c => c.Sums.Cpa is null).ThenBy(c => c.Sums.Cpa))
            .ThenByDescending(c => c.Sums.Spend).ThenBy(c => c.Info.Id).ToList();
        var size = Math.Clamp(campaigns.Count / 2, 1, RankSize);
        var spend = campaigns.Sum(c => c.Sums.Spend);
        var metric = byRoas ? "ROAS" : "CPA";
        foreach (var (c, rank) in ordered.Take(size).Select((c, i) => (c, i + 1)))
        {
            yield return Campaign("top_campaign", "opportunity", c, currency, spend,
                $"Campaign \"{c.Info.Name}\" is number {rank} of {campaigns.Count} {currency} campaigns by {metric} over the week.", rank);
        }

        foreach (var (c, rank) in Enumerable.Reverse(ordered).Take(size).Select((c, i) => (c, i + 1)))
        {
            yield return Campaign("bottom_campaign", "warning", c, currency, spend,
                $"Campaign \"{c.Info.Name}\" is number {rank} from the bottom of {campaigns.Count} {currency} campaigns by {metric} over the week.", rank);
        }
    }

    private static AnalysisFinding Campaign(string rule, string severity, (SuggestionRules.CampaignInfo Info, Sums Sums) c, string currency, decimal currencySpend, string reason, int rank) =>
        new(rule, severity, new SuggestionEntity(ReportLevel.Campaign, c.Info.Id, c.Info.Name), currency, null, reason, "open",
            new Dictionary<string, decimal?>
            {
                ["rank"] = rank, ["spend"] = Sums.Normalize(c.Sums.Spend), ["spendShare"] = Sums.Ratio(c.Sums.Spend, currencySpend),
                ["conversions"] = c.Sums.Conversions, ["revenue"] = Sums.Normalize(c.Sums.Revenue), ["cpa"] = c.Sums.Cpa, ["roas"] = c.Sums.Roas,
            });

    private static IEnumerable<AnalysisFinding> Outliers(List<(SuggestionRules.CampaignInfo Info, Sums Sums)> campaigns, string currency)
    {
        if (campaigns.Count < 2)
        {
            yield break;
        }

        var all = campaigns.Aggregate(default(Sums), (acc, c) => acc + c.Sums);
        foreach (var (info, sums) in campaigns.OrderBy(c => c.Info.Id))
        {
            var entity = new SuggestionEntity(ReportLevel.Campaign, info.Id, info.Name);
            if (all.Cpa is { } average && (sums.Cpa > average * CpaFactor || (sums.Conversions == 0 && sums.Spend >= average * CpaFactor)))
            {
                yield return new AnalysisFinding("cpa_outlier", "warning", entity, currency, null,
                    sums.Cpa is { } cpa
                        ? $"Campaign \"{info.Name}\" paid {cpa:0.##} per conversion, {cpa / average:0.0}× the {average:0.##} of all {currency} campaigns."
                        : $"Campaign \"{info.Name}\" spent {sums.Spend:0.##} without a conversion, more than {CpaFactor}× the {average:0.##} {currency} campaigns pay per conversion.",
                    "open", new Dictionary<string, decimal?> { ["cpa"] = sums.Cpa, ["currencyCpa"] = average, ["ratio"] = sums.Cpa is { } c ? Sums.Ratio(c, average) : null, ["spend"] = Sums.Normalize(sums.Spend), ["conversions"] = sums.Conversions });
            }

            if (all.Roas is { } roas && roas > 0 && sums.Roas is { } own && (own * RoasFactor < roas || own >= roas * RoasFactor))
            {
                var low = own * RoasFactor < roas;
                yield return new AnalysisFinding("roas_outlier", low ? "warning" : "opportunity", entity, currency, null,
                    $"Campaign \"{info.Name}\" returned {own:0.##}× its spend, {(low ? "under half" : "at least twice")} the {roas:0.##}× of all {currency} campaigns.",
                    "open", new Dictionary<string, decimal?> { ["roas"] = own, ["currencyRoas"] = roas, ["ratio"] = Sums.Ratio(own, roas), ["spend"] = Sums.Normalize(sums.Spend) });
            }
        }
    }

    private static AnalysisFinding FromSuggestion(ReportSuggestion s, SuggestionRules.Input week, Dictionary<long, string> currencyOf)
    {
        var accountId = s.Entity.Level == ReportLevel.AdSet
            ? week.AdSets.First(a => a.Id == s.Entity.Id).AdAccountId
            : week.Campaigns.First(c => c.Id == s.Entity.Id).AdAccountId;
        var severity = s.Rule == "budget_limited_winner" ? "opportunity" : "warning";
        return new AnalysisFinding(s.Rule, severity, s.Entity, currencyOf.GetValueOrDefault(accountId, ""), null, s.Reason, s.Action, s.Numbers);
    }

    /// <summary>Days of the week whose spend or conversions break from the same account's median day of the week before.</summary>
    private static IEnumerable<AnalysisFinding> Anomalies(Input input)
    {
        foreach (var account in input.Accounts.OrderBy(a => a.Id))
        {
            var days = input.AccountDays.Where(d => d.AdAccountId == account.Id).ToDictionary(d => d.Date, d => d.Sums);
            var before = Enumerable.Range(1, 7).Select(i => days.GetValueOrDefault(input.From.AddDays(-i))).ToList();
            var (usualSpend, usualConversions) = (Median(before.Select(d => d.Spend)), Median(before.Select(d => (decimal)d.Conversions)));
            if (usualSpend <= 0)
            {
                continue;
            }

            var entity = new SuggestionEntity(ReportLevel.Account, account.Id, account.Name);
            for (var date = input.From; date <= input.To; date = date.AddDays(1))
            {
                var day = days.GetValueOrDefault(date);
                var evidence = new Dictionary<string, decimal?>
                {
                    ["spend"] = Sums.Normalize(day.Spend), ["usualSpend"] = Sums.Normalize(usualSpend), ["ratio"] = Sums.Ratio(day.Spend, usualSpend),
                    ["conversions"] = day.Conversions, ["usualConversions"] = usualConversions,
                };
                string? rule = null, reason = null;
                if (day.Spend >= usualSpend * SpendFactor)
                {
                    (rule, reason) = ("anomaly_spend_spike", $"Ad account \"{account.Name}\" spent {day.Spend:0.##} {account.Currency} on {date:yyyy-MM-dd}, {day.Spend / usualSpend:0.0}× its usual day ({usualSpend:0.##}) the week before.");
                }
                else if (day.Spend * SpendFactor <= usualSpend)
                {
                    (rule, reason) = ("anomaly_spend_drop", $"Ad account \"{account.Name}\" spent {day.Spend:0.##} {account.Currency} on {date:yyyy-MM-dd}, under half its usual day ({usualSpend:0.##}) the week before: check delivery.");
                }
                else if (day.Conversions == 0 && usualConversions >= UsualConversions)
                {
                    (rule, reason) = ("anomaly_no_conversions", $"Ad account \"{account.Name}\" spent {day.Spend:0.##} {account.Currency} on {date:yyyy-MM-dd} without a conversion; its usual day the week before had {usualConversions:0.#}: check tracking.");
                }

                if (rule is not null)
                {
                    yield return new AnalysisFinding(rule, "warning", entity, account.Currency, date, reason!, "open", evidence);
                }
            }
        }
    }

    private static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Percent(decimal? change) => change is { } c ? $"{c:+0.#;-0.#;0} %" : "no base";
}
