namespace AdPilot.Core.LandingPages;

/// <summary>
/// The public addresses a published page uses, shared by the renderer (which writes them into the HTML) and the endpoints
/// (which answer them). Relative to AdPilot's public base (<see cref="LandingPageOptions.PublicBaseUrl"/>).
/// </summary>
public static class LandingPageRoutes
{
    /// <summary>The page itself (local store, or a fallback for S3).</summary>
    public static string Page(string slug) => $"/p/{slug}";

    /// <summary>The beacon: POST a small JSON body, <c>{"type":"view"}</c> or <c>{"type":"click","block":"&lt;block id&gt;"}</c>, sent as text/plain (no CORS preflight).</summary>
    public static string Events(string slug) => $"/p/{slug}/events";

    /// <summary>The lead form's action: POST application/x-www-form-urlencoded, the form's field names plus <see cref="HoneypotField"/>.</summary>
    public static string Leads(string slug) => $"/p/{slug}/leads";

    /// <summary>A page image: <c>/p/assets/{pageId}/{file}</c>, read from storage key <see cref="PageImages.Key"/>.</summary>
    public static string Asset(long pageId, string file) => $"/p/assets/{pageId}/{file}";

    /// <summary>A form field hidden from people (off-screen, no tab stop, autocomplete off): a value in it marks a bot.</summary>
    public const string HoneypotField = "company_website";
}

/// <summary>
/// Images uploaded in the editor are stored per page with smaller copies for <c>srcset</c>; a document refers to one as
/// <c>asset:{file}?w={width}</c> (<c>file</c> is <c>{32 hex}.{jpg|png|webp|gif}</c>, <c>width</c> the original's).
/// Copies are <c>{name}-{w}.{ext}</c> for each of <see cref="Widths"/> below the original's width.
/// </summary>
public static class PageImages
{
    public const string Scheme = "asset:";
    public static readonly int[] Widths = [480, 960, 1600];

    public static string Key(long pageId, string file) => $"landing-pages/{pageId}/images/{file}";

    public static string Prefix(long pageId) => $"landing-pages/{pageId}/";

    public static string Ref(string file, int width) => $"{Scheme}{file}?w={width}";

    /// <summary>The file and the original's width of an <c>asset:</c> reference; null for anything else (an http(s) URL).</summary>
    public static (string File, int Width)? Parse(string? reference)
    {
        if (reference is null || !reference.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = reference[Scheme.Length..];
        var q = rest.IndexOf("?w=", StringComparison.Ordinal);
        var file = q < 0 ? rest : rest[..q];
        var width = q >= 0 && int.TryParse(rest[(q + 3)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var w) ? w : 0;
        return IsFile(file) && width is >= 0 and <= 20_000 ? (file, width) : null;
    }

    /// <summary>The copy of <paramref name="file"/> at <paramref name="width"/> pixels wide.</summary>
    public static string Copy(string file, int width)
    {
        var dot = file.LastIndexOf('.');
        return $"{file[..dot]}-{width}{file[dot..]}";
    }

    /// <summary>A stored image's file name (an original or a copy): hex name, optional -width, known extension.</summary>
    public static bool IsFile(string file) =>
        System.Text.RegularExpressions.Regex.IsMatch(file, "^[0-9a-f]{32}(-(480|960|1600))?\\.(jpg|png|webp|gif)$", System.Text.RegularExpressions.RegexOptions.NonBacktracking);
}
