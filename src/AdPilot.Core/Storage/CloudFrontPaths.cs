using System.Text;

namespace AdPilot.Core.Storage;

/// <summary>
/// Storage keys as CloudFront invalidation paths: <c>/</c> + key, with non-ASCII, control and RFC 1738 "unsafe"
/// characters percent-encoded as UTF-8 and nothing else (CloudFront's guide: encoding any other character makes the
/// invalidation miss the cached object). A trailing <c>*</c> stays a wildcard.
/// </summary>
public static class CloudFrontPaths
{
    /// <summary>CreateInvalidation takes at most this many paths per request.</summary>
    public const int MaxPathsPerBatch = 3000;

    private const string Unsafe = " \"#%<>{}|\\^~[]`";

    public static string Encode(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var path = new StringBuilder("/");
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in key.TrimStart('/').EnumerateRunes())
        {
            if (rune.IsAscii && !Rune.IsControl(rune) && !Unsafe.Contains((char)rune.Value, StringComparison.Ordinal))
            {
                path.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                path.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return path.ToString();
    }

    /// <summary>The distinct encoded paths of the keys, in order, split into batches CloudFront accepts.</summary>
    public static IEnumerable<IReadOnlyList<string>> Batches(IEnumerable<string> keys) =>
        keys.Select(Encode).Distinct(StringComparer.Ordinal).Chunk(MaxPathsPerBatch);
}
