namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Turns a user message into an <see cref="OfflineRequest"/>: dates, metric, level, ranking, rules, amounts, names, accounts, intent.</summary>
internal static class RequestParser
{
    public static OfflineRequest Parse(string message, AgentContext context)
    {
        var (words, images, links) = Attachments.Read(message, context);
        var text = new OfflineText(words);
        var zh = text.Chinese || (!text.Normal.Any(char.IsAsciiLetter) && context.Language.StartsWith("zh", StringComparison.OrdinalIgnoreCase));
        var dates = DateRangeParser.Parse(text, context.Today);
        var taken = dates.Select(d => d.Span).ToList();
        var (accounts, missing, accountSpans) = AccountFilter.Find(text, context.Accounts);
        taken.AddRange(accountSpans);
        var metrics = Lexicon.Metrics.Matches(text).Where(m => !taken.Any(t => t.Overlaps(m.Span))).ToList();
        var rules = RuleParser.Parse(text, metrics);
        var rank = RankParser.Parse(text, taken);
        var move = text.Has(Lexicon.Move);
        var budget = BudgetParser.Parse(text, [.. taken, .. rules.Select(r => r.Span)], move);
        var ranked = rank is not null || rules.Count > 0 ? metrics.Select(m => m.Span) : [];
        var values = taken.Concat(rules.Select(r => r.Span)).Concat(rank is { } r ? [r.Span] : []).Concat(budget?.Span is { } b ? [b] : []).Concat(ranked).ToList();
        // In a question a name must look like one: quoted, next to a level word, two words or more, or with a digit.
        IReadOnlyList<NameRef> names = NameParser.Parse(text, values, metricsAreWords: true).Where(n => n.Quoted || n.WithLevel is not null || n.Name.Contains(' ') || n.Name.Any(char.IsDigit)
            || n.Name.Any(Lexicon.IsHan)).ToList();
        var intent = IntentParser.Classify(text, new Signals(metrics.Count > 0, dates.Count, rank is not null, budget is not null, names.Count, rules.Count > 0));
        var write = intent is Intent.Pause or Intent.Resume or Intent.Budget or Intent.MoveBudget;
        if (write)
        {
            names = NameParser.Parse(text, values, metricsAreWords: false);
        }
        else if (images.Count > 0 || links.Count > 0)
        {
            intent = Intent.Attached; // "score this", "summarise this page": the attachment is what the question is about
        }

        var thisSpans = Lexicon.This.SelectMany(text.Find).Where(s => !taken.Any(t => t.Overlaps(s)));
        var range = dates.Count > 0 ? dates[0].Range : DefaultRange(intent, context.Today);
        return new OfflineRequest
        {
            Text = text, Zh = zh, Intent = intent, Range = range, RangeGiven = dates.Count > 0,
            Other = dates.Count > 1 ? dates[1].Range : null,
            Metric = Closest(metrics, rank?.Span) ?? (rules.Count > 0 ? rules[0].Rule.Metric : null),
            Level = Lexicon.Levels.Matches(text).FirstOrDefault(m => !taken.Any(t => t.Overlaps(m.Span)))?.Key,
            Rank = rank?.Rank, Rules = [.. rules.Select(x => x.Rule)], Names = names,
            This = thisSpans.Any() && context.Page?.EntityId is not null ? context.Page : null,
            Accounts = accounts, MissingPlatform = missing, Budget = budget?.Change,
            Granularity = text.Has(Lexicon.Monthly) ? "month" : text.Has(Lexicon.Weekly) || range.Days > 92 ? "week" : "day",
            Unread = text.Has(Lexicon.Unread) || text.Has("new", "新"),
            Status = text.Has("paused", "已暂停") ? "paused" : text.Has("active", "在投", "投放中") ? "active" : null,
            Images = images, Links = links,
        };
    }

    /// <summary>Without dates: the last 7 days (30 for a trend), ending yesterday.</summary>
    private static DateRange DefaultRange(Intent intent, DateOnly today) => DateRange.LastDays(today, intent == Intent.Trend ? 30 : 7);

    /// <summary>The metric a ranking is about: the mention nearest to "top"/"worst"/"最高", else the first.</summary>
    private static string? Closest(List<Mention> metrics, Span? near) =>
        near is { } n ? metrics.OrderBy(m => Math.Abs(m.Span.Start - n.Start)).FirstOrDefault()?.Key : metrics.FirstOrDefault()?.Key;
}
