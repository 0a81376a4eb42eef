namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>What the offline agent understood of the user's message. Parsed again every round from the same text, so it is stable.</summary>
internal sealed record OfflineRequest
{
    public required OfflineText Text { get; init; }
    public required bool Zh { get; init; }
    public required Intent Intent { get; init; }
    public required DateRange Range { get; init; }
    public bool RangeGiven { get; init; }

    /// <summary>The second period of a comparison (the one before <see cref="Range"/> unless the user named it).</summary>
    public DateRange? Other { get; init; }

    public string? Metric { get; init; }

    /// <summary>ad_account, campaign, ad_set or ad: what to rank, pause or change.</summary>
    public string? Level { get; init; }

    public Ranking? Rank { get; init; }
    public IReadOnlyList<Rule> Rules { get; init; } = [];
    public IReadOnlyList<NameRef> Names { get; init; } = [];

    /// <summary>The entity of the page the user is on, when they say "this" or "it".</summary>
    public AgentPage? This { get; init; }

    /// <summary>The ad accounts the user named (by platform or name); empty when they named none.</summary>
    public IReadOnlyList<AgentAccount> Accounts { get; init; } = [];

    /// <summary>A platform the user named on which they have no ad account.</summary>
    public string? MissingPlatform { get; init; }

    public BudgetChange? Budget { get; init; }
    public string Granularity { get; init; } = "day";
    public bool Unread { get; init; }
    public string? Status { get; init; }

    /// <summary>The creatives of the images the user attached.</summary>
    public IReadOnlyList<long> Images { get; init; } = [];

    /// <summary>The links the user attached or typed.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];
}

internal enum Intent
{
    Help,
    Performance,
    Trend,
    Rank,
    ComparePeriods,
    CompareCampaigns,
    Why,
    Pause,
    Resume,
    Budget,
    MoveBudget,
    Campaigns,
    Credits,
    CreditHistory,
    Notifications,
    UnreadCount,
    Tokens,
    Accounts,
    Creatives,
    Analyze,
    Attached,
}

/// <summary>top/bottom (highest/lowest value), best/worst (by what is good for the metric), highest/lowest; Count when the user said how many.</summary>
internal sealed record Ranking(string Direction, int? Count);

/// <summary>A threshold on a metric: Op is gt or lt; ratios (ctr, cvr) as fractions.</summary>
internal sealed record Rule(string Metric, string Op, decimal Value)
{
    public bool Holds(decimal? value) => value is { } v && (Op == "gt" ? v > Value : v < Value);
}

/// <summary>A name as the user wrote it, and with the level word next to it ("campaign B" for "B").</summary>
internal sealed record NameRef(string Name, string? WithLevel = null, bool Quoted = false);

/// <summary>percent (+20 raises by 20 %), delta (an amount added or taken away), target (the new budget), or move (an amount or percent to move).</summary>
internal sealed record BudgetChange(string Kind, decimal Value, bool Percent = false, string? BudgetType = null)
{
    public decimal Apply(decimal budget) => Math.Round(Kind switch
    {
        "target" => Value,
        "delta" => budget + Value,
        _ => budget * (1 + Value / 100m),
    }, 2, MidpointRounding.AwayFromZero);
}
