namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Phrases (English or Chinese) that mean one thing each, e.g. "cost per click", "点击成本" and "cpc" mean cpc.</summary>
internal sealed class PhraseTable(params (string Key, string[] Phrases)[] entries)
{
    public IEnumerable<string> Phrases => entries.SelectMany(e => e.Phrases);

    /// <summary>Every mention, left to right; where phrases overlap the longest wins ("cost per click" over "cost").</summary>
    public IReadOnlyList<Mention> Matches(OfflineText text)
    {
        var all = entries.SelectMany(e => e.Phrases.SelectMany(p => text.Find(p).Select(s => new Mention(e.Key, s))))
            .OrderByDescending(m => m.Span.Length).ThenBy(m => m.Span.Start);
        var kept = new List<Mention>();
        foreach (var mention in all)
        {
            if (!kept.Any(k => k.Span.Overlaps(mention.Span)))
            {
                kept.Add(mention);
            }
        }

        return [.. kept.OrderBy(m => m.Span.Start)];
    }

    public string? First(OfflineText text) => Matches(text) is [var first, ..] ? first.Key : null;
}

internal sealed record Mention(string Key, Span Span);
