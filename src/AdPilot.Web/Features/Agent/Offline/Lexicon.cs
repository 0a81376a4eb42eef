namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// The offline agent's vocabulary and its spell correction: a word that is not in the vocabulary is replaced by the one
/// vocabulary word within edit distance 1 (2 for words of 8 letters or more) that starts with the same letter, when
/// exactly one is closest; a three-letter word only for a missing letter. Shorter words, numbers and Chinese are never corrected.
/// </summary>
internal static partial class Lexicon
{
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    public static string Correct(string word)
    {
        if (word.Length < 3 || !char.IsAsciiLetterLower(word[0]) || Vocabulary.Words.Contains(word))
        {
            return word;
        }

        if (word.Length == 3)
        {
            // Only a letter left out ("wek" for week): three-letter words are too often something else.
            return Vocabulary.Words.Where(v => v.Length == 4 && v.StartsWith(word[..2], StringComparison.Ordinal) && EditDistance(word, v) == 1).ToList() is [var one] ? one : word;
        }

        var limit = word.Length >= 8 ? 2 : 1;
        var best = Vocabulary.Words.Where(v => v[0] == word[0] && Math.Abs(v.Length - word.Length) <= limit)
            .Select(v => (Word: v, Distance: EditDistance(word, v))).Where(c => c.Distance <= limit)
            .GroupBy(c => c.Distance).OrderBy(g => g.Key).FirstOrDefault()?.ToList();
        return best is [var only] ? only.Word : word;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Every English word of every table (built on first use, after the tables).</summary>
    private static class Vocabulary
    {
        public static readonly HashSet<string> Words = [.. AllPhrases().SelectMany(p => p.Split(' ')).Where(w => w.Length > 0 && char.IsAsciiLetterLower(w[0]))];
    }
}
