using System.Text.RegularExpressions;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// A user message made ready for matching. <see cref="Normal"/> is the message lower-cased, full-width forms made
/// half-width and punctuation made spaces, character for character, so a span found in it is the same span of
/// <see cref="Raw"/> (names keep the user's spelling). English words are also spell-corrected against the agent's
/// vocabulary (<see cref="Token.Word"/>), so "pasue the campain" matches "pause the campaign".
/// </summary>
internal sealed partial class OfflineText
{
    public OfflineText(string raw)
    {
        Raw = raw;
        Normal = string.Create(raw.Length, raw, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = Fold(text[i]);
            }
        });
        Chinese = Normal.Any(Lexicon.IsHan);
        Tokens = [.. TokenPattern().Matches(Normal).Select(m => new Token(m.Value, Lexicon.Correct(m.Value), m.Index, m.Length))];
    }

    public string Raw { get; }
    public string Normal { get; }
    public bool Chinese { get; }
    public IReadOnlyList<Token> Tokens { get; }

    /// <summary>Where a phrase occurs: English phrases word by word over the corrected words, Chinese ones as text.</summary>
    public IEnumerable<Span> Find(string phrase)
    {
        if (Lexicon.IsHan(phrase[0]))
        {
            for (var at = Normal.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = Normal.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                yield return new Span(at, at + phrase.Length);
            }

            yield break;
        }

        var words = phrase.Split(' ');
        for (var i = 0; i + words.Length <= Tokens.Count; i++)
        {
            if (words.Select((w, k) => Tokens[i + k].Word == w).All(x => x))
            {
                yield return new Span(Tokens[i].Start, Tokens[i + words.Length - 1].End);
            }
        }
    }

    public bool Has(params string[] phrases) => phrases.Any(p => Find(p).Any());

    /// <summary>The index of the first token at or after a character position (Tokens.Count when none).</summary>
    public int TokenAt(int position)
    {
        var i = 0;
        while (i < Tokens.Count && Tokens[i].Start < position)
        {
            i++;
        }

        return i;
    }

    private static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => Fold((char)(c - 0xFEE0)),
        '\u3000' => ' ',
        '\u2018' or '\u2019' => '\'',
        '\u201C' or '\u201D' or '\u300C' or '\u300D' or '\u300E' or '\u300F' => '"',
        '\u3002' or '\u3001' or '\uFF0C' or '?' or '!' or ',' or ';' or '(' or ')' or '[' or ']' or '\u3010' or '\u3011' or '\u300A' or '\u300B' => ' ',
        _ => char.ToLowerInvariant(c),
    };

    [GeneratedRegex(@"[a-z]+|\d+(?:,\d{3})*(?:\.\d+)?|[\u3400-\u4dbf\u4e00-\u9fff]+|[%$€£¥<>=]")]
    private static partial Regex TokenPattern();
}

/// <summary>A word, number, run of Chinese characters or sign of a message; <see cref="Word"/> is the spell-corrected word.</summary>
internal sealed record Token(string Text, string Word, int Start, int Length)
{
    public int End => Start + Length;

    public bool IsNumber => char.IsAsciiDigit(Text[0]);
}

/// <summary>A range of characters in a message, end exclusive.</summary>
internal readonly record struct Span(int Start, int End)
{
    public int Length => End - Start;

    public bool Overlaps(Span other) => Start < other.End && other.Start < End;
}
