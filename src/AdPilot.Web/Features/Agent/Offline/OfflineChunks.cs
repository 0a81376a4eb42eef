using System.Text.RegularExpressions;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>An answer cut into small pieces for streaming (a few words, or a few Chinese characters); the pieces join back to the exact text.</summary>
internal static partial class OfflineChunks
{
    private const int Words = 4;
    private const int HanRun = 8;

    public static IEnumerable<string> Split(string text)
    {
        var piece = "";
        var words = 0;
        foreach (Match word in Word().Matches(text))
        {
            foreach (var part in word.Value.Chunk(HanRun).Select(c => new string(c)))
            {
                piece += part;
                words++;
                if (words >= Words || part.Length == HanRun || part.EndsWith('\n'))
                {
                    yield return piece;
                    (piece, words) = ("", 0);
                }
            }
        }

        if (piece.Length > 0)
        {
            yield return piece;
        }
    }

    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex Word();
}
