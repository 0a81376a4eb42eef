using System.Globalization;
using System.Text;

namespace AdPilot.Core.WebPages;

/// <summary>Text taken from a page made safe to show and bounded: whitespace collapsed, control and invisible characters removed.</summary>
internal static class PageText
{
    /// <summary>The text on one line, at most <paramref name="max"/> characters (cut at a word where possible, with an ellipsis).</summary>
    public static string Clean(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var clean = new StringBuilder(Math.Min(text.Length, max + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = clean.Length > 0;
                continue;
            }

            if (Invisible(c))
            {
                continue;
            }

            if (space)
            {
                clean.Append(' ');
                space = false;
            }

            clean.Append(c);
            if (clean.Length > max)
            {
                break;
            }
        }

        return clean.Length <= max ? clean.ToString() : Cut(clean.ToString(), max);
    }

    /// <summary>Words as a reader counts them: runs of letters or digits, and each Chinese, Japanese or Korean character.</summary>
    public static int Words(string text)
    {
        var count = 0;
        var inWord = false;
        foreach (var c in text)
        {
            if (Cjk(c))
            {
                count++;
                inWord = false;
            }
            else if (char.IsLetterOrDigit(c))
            {
                count += inWord ? 0 : 1;
                inWord = true;
            }
            else
            {
                inWord = false;
            }
        }

        return count;
    }

    public static bool Cjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3040' and <= '\u30FF' or >= '\uAC00' and <= '\uD7AF';

    private static string Cut(string text, int max)
    {
        var cut = text.LastIndexOf(' ', max - 1);
        return text[..(cut > max / 2 ? cut : max - 1)].TrimEnd() + "…";
    }

    /// <summary>Zero-width and bidirectional control characters: they hide or reorder text and carry nothing a reader sees.</summary>
    private static bool Invisible(char c) => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
