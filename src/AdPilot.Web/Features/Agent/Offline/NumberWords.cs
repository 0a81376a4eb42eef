using System.Globalization;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>Small counts written as digits, English words or Chinese numerals ("3", "three", "三", "十五").</summary>
internal static class NumberWords
{
    private static readonly string[] English = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];

    private const string Digits = "零一二三四五六七八九";

    public static readonly string[] EnglishWords = English;

    public static int? Parse(string text)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        }

        var word = Array.IndexOf(English, text);
        return word >= 0 ? word : Chinese(text);
    }

    /// <summary>Chinese numerals up to 99: 三, 十, 十五, 二十, 二十五; 两 is 2.</summary>
    public static int? Chinese(string text)
    {
        text = text.Replace('两', '二');
        if (text.Length == 0 || text.Any(c => c != '十' && !Digits.Contains(c)))
        {
            return null;
        }

        var ten = text.IndexOf('十');
        if (ten < 0)
        {
            return text.Length == 1 ? Digits.IndexOf(text[0]) : null;
        }

        var tens = ten == 0 ? 1 : ten == 1 ? Digits.IndexOf(text[0]) : -1;
        var ones = ten == text.Length - 1 ? 0 : ten == text.Length - 2 ? Digits.IndexOf(text[^1]) : -1;
        return tens < 0 || ones < 0 ? null : tens * 10 + ones;
    }
}
