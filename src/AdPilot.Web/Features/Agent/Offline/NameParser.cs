using System.Text.RegularExpressions;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// The names of campaigns, ad sets or ads in a message: what is in quotes, or else what is left when every word the
/// agent knows (verbs, metrics, levels, dates, amounts, "please", "the", "的"…) is taken out: "pause Spring Sale 1 for me"
/// names "Spring Sale 1"; "move 20% from A to B" names A and B; "暂停春季促销" names 春季促销. Names keep the user's spelling.
/// </summary>
internal static partial class NameParser
{
    public static IReadOnlyList<NameRef> Parse(OfflineText text, IReadOnlyList<Span> taken, bool metricsAreWords)
    {
        var quoted = Quoted().Matches(text.Normal).Select(m => new NameRef(text.Raw.Substring(m.Groups[1].Index, m.Groups[1].Length).Trim(), Quoted: true)).Where(n => n.Name.Length > 0).ToList();
        if (quoted.Count > 0)
        {
            return quoted;
        }

        var mask = new bool[text.Normal.Length];
        foreach (var span in taken.Concat(Lexicon.FramePhrases(metricsAreWords).SelectMany(text.Find)))
        {
            Array.Fill(mask, true, span.Start, span.Length);
        }

        var levels = Lexicon.Levels.Matches(text);
        foreach (var label in levels.Select(l => text.TokenAt(l.Span.End)).Where(i => i < text.Tokens.Count && !text.Chinese && (text.Tokens[i].Length == 1 || text.Tokens[i].Text.All(char.IsAsciiDigit))))
        {
            Array.Fill(mask, false, text.Tokens[label].Start, text.Tokens[label].Length); // "campaign A", "campaign 2"
        }

        return [.. Runs(text, mask).Select(r => (Run: r, Level: WithLevel(text, levels, r))).Where(r => Meaningful(text, r.Run, r.Level is not null))
            .Select(r => new NameRef(text.Raw[r.Run.Start..r.Run.End].Trim(), r.Level))];
    }

    /// <summary>Stretches of unmasked token characters, joined across spaces and punctuation such as "-", ":" and "·".</summary>
    private static List<Span> Runs(OfflineText text, bool[] mask)
    {
        var runs = new List<Span>();
        Span? open = null;
        for (var i = 0; i < text.Normal.Length; i++)
        {
            var inToken = text.Tokens.Any(t => t.Start <= i && i < t.End);
            if (mask[i] || (inToken && text.Normal[i] is '%' or '$' && open is null))
            {
                Close();
            }
            else if (inToken)
            {
                open = open is { } o ? o with { End = i + 1 } : new Span(i, i + 1);
            }
        }

        Close();
        return runs;

        void Close()
        {
            if (open is { } o)
            {
                runs.Add(o);
            }

            open = null;
        }
    }

    /// <summary>Two Chinese characters or a word of two letters at least, and not a bare number unless a level word is next to it ("campaign 3").</summary>
    private static bool Meaningful(OfflineText text, Span run, bool besideLevel)
    {
        var part = text.Normal[run.Start..run.End];
        return part.Count(char.IsAsciiLetter) >= 2 || part.Count(Lexicon.IsHan) >= 2 || (besideLevel && part.Any(char.IsAsciiLetterOrDigit));
    }

    private static string? WithLevel(OfflineText text, IReadOnlyList<Mention> levels, Span run)
    {
        var before = levels.LastOrDefault(l => l.Span.End <= run.Start && string.IsNullOrWhiteSpace(text.Normal[l.Span.End..run.Start]));
        var after = levels.FirstOrDefault(l => l.Span.Start >= run.End && string.IsNullOrWhiteSpace(text.Normal[run.End..l.Span.Start]));
        return before is not null ? text.Raw[before.Span.Start..run.End] : after is not null ? text.Raw[run.Start..after.Span.End] : null;
    }

    [GeneratedRegex("\"([^\"]{1,200})\"")]
    private static partial Regex Quoted();
}
