namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// What the user wants, from the words they used, in order of precedence: a write (move, budget, pause, resume) before a
/// question, a specific question (why, credits, notifications, tokens, creatives, comparisons, rankings, trends) before a
/// general one (performance). Nothing recognisable is <see cref="Intent.Help"/>.
/// </summary>
internal static class IntentParser
{
    public static Intent Classify(OfflineText t, Signals s)
    {
        var budget = t.Has(Lexicon.Budget);
        if (t.Has(Lexicon.Move) && (budget || s.Amount) && !t.Has(Lexicon.Pause))
        {
            return Intent.MoveBudget;
        }

        if (budget && (s.Amount || t.Has(Lexicon.Increase) || t.Has(Lexicon.Decrease) || t.Has(Lexicon.Set) || t.Has(Lexicon.Double) || t.Has(Lexicon.Halve))
            && !t.Has(Lexicon.Why))
        {
            return Intent.Budget;
        }

        return t.Has(Lexicon.Pause) && !t.Has("paused", "已暂停") ? Intent.Pause
            : t.Has(Lexicon.Resume) ? Intent.Resume
            : t.Has(Lexicon.Why) ? Intent.Why
            : t.Has(Lexicon.Credits) ? (t.Has(Lexicon.History) ? Intent.CreditHistory : Intent.Credits)
            : t.Has(Lexicon.Notifications) || (t.Has(Lexicon.Unread) && !s.Metric) ? (t.Has(Lexicon.Count) && !t.Has("list", "show", "列出") ? Intent.UnreadCount : Intent.Notifications)
            : t.Has(Lexicon.Token) ? Intent.Tokens
            : t.Has(Lexicon.Creatives) ? Intent.Creatives
            : t.Has(Lexicon.Compare) || (s.Ranges >= 2 && t.Has("and", "和", "与", "跟")) ? (s.Names >= 2 ? Intent.CompareCampaigns : Intent.ComparePeriods)
            : s.Rank || s.Rules || t.Has(Lexicon.Rank) ? Intent.Rank
            : t.Has(Lexicon.Trend) ? Intent.Trend
            : t.Has(Lexicon.Analyze) ? Intent.Analyze
            : Listing(t, s) is { } list ? list
            : s.Metric || s.Ranges > 0 || t.Has(Lexicon.Performance) || (t.Has(Lexicon.HowIs) && Lexicon.Levels.Matches(t).Count > 0) ? Intent.Performance
            : Intent.Help;
    }

    /// <summary>"list my ad accounts" or "show paused campaigns": a list, not numbers.</summary>
    private static Intent? Listing(OfflineText t, Signals s)
    {
        if (s.Metric || s.Ranges > 0 || t.Has(Lexicon.HowIs) || (!t.Has(Lexicon.List) && !t.Has("paused", "active", "已暂停", "在投", "投放中")))
        {
            return null;
        }

        var level = Lexicon.Levels.First(t);
        return level == "ad_account" ? Intent.Accounts : level == "campaign" ? Intent.Campaigns : null;
    }
}

/// <summary>What the other parsers found, for <see cref="IntentParser"/>.</summary>
internal sealed record Signals(bool Metric, int Ranges, bool Rank, bool Amount, int Names, bool Rules = false);
