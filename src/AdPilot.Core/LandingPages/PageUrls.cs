using System.Text.RegularExpressions;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// The URL rules of a page, shared by the service (which refuses a bad URL on save) and the renderer (which checks again
/// and renders a bad one as no link): links are http(s), mailto:, tel: or an in-page anchor; images are http(s) or an
/// <c>asset:</c> reference; videos are YouTube or Vimeo.
/// </summary>
public static partial class PageUrls
{
    /// <summary>An absolute http or https URL with a host, and nothing a browser would read differently (spaces, controls, backslashes).</summary>
    public static bool IsHttp(string? url) =>
        url is { Length: > 0 and <= 2048 } && IsPlain(url)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
        && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>A button or link target: http(s), <c>mailto:</c>, <c>tel:</c> or <c>#anchor</c>.</summary>
    public static bool IsLink(string? url) =>
        url is { Length: > 0 and <= 2048 } && IsPlain(url)
        && (IsHttp(url) || Anchor().IsMatch(url) || Mailto().IsMatch(url) || Tel().IsMatch(url));

    /// <summary>An image source as a document keeps it: http(s) or an <c>asset:</c> reference.</summary>
    public static bool IsImage(string? url) => IsHttp(url) || PageImages.Parse(url) is not null;

    /// <summary>The provider and id of a YouTube or Vimeo URL (watch, share, embed and shorts forms); null for anything else.</summary>
    public static PageVideo? Video(string? url)
    {
        if (!IsHttp(url))
        {
            return null;
        }

        var uri = new Uri(url!);
        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? id = host switch
        {
            "youtu.be" when segments.Length == 1 => segments[0],
            "youtube.com" or "www.youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com" or "youtube-nocookie.com" => segments switch
            {
                ["watch"] => QueryValue(uri.Query, "v"),
                ["embed" or "shorts" or "live", var v] => v,
                _ => null,
            },
            _ => null,
        };
        if (id is not null)
        {
            return YouTubeId().IsMatch(id) ? new PageVideo(VideoProvider.YouTube, id) : null;
        }

        id = host switch
        {
            "vimeo.com" or "www.vimeo.com" when segments.Length == 1 => segments[0],
            "player.vimeo.com" when segments is ["video", var v] => v,
            _ => null,
        };
        return id is not null && VimeoId().IsMatch(id) ? new PageVideo(VideoProvider.Vimeo, id) : null;
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq] == name)
            {
                return pair[(eq + 1)..];
            }
        }

        return null;
    }

    private static bool IsPlain(string url) => !url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '\\' or '<' or '>' or '"' or '\'' or '`');

    [GeneratedRegex("^#[A-Za-z][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant, 50)]
    private static partial Regex Anchor();

    [GeneratedRegex("^mailto:[^@\\s:/]{1,64}@[A-Za-z0-9.-]{1,253}(\\?[A-Za-z0-9%=&._~+-]*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 50)]
    private static partial Regex Mailto();

    [GeneratedRegex("^tel:\\+?[0-9][0-9().-]{1,30}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, 50)]
    private static partial Regex Tel();

    [GeneratedRegex("^[A-Za-z0-9_-]{11}$", RegexOptions.CultureInvariant, 50)]
    private static partial Regex YouTubeId();

    [GeneratedRegex("^[0-9]{1,12}$", RegexOptions.CultureInvariant, 50)]
    private static partial Regex VimeoId();
}

public enum VideoProvider
{
    YouTube,
    Vimeo,
}

/// <summary>A video to embed: the privacy-friendly player URL (no cookies until played) and the canonical watch URL kept in the document.</summary>
public sealed record PageVideo(VideoProvider Provider, string Id)
{
    public string EmbedUrl => Provider == VideoProvider.YouTube ? $"https://www.youtube-nocookie.com/embed/{Id}" : $"https://player.vimeo.com/video/{Id}?dnt=1";

    public string WatchUrl => Provider == VideoProvider.YouTube ? $"https://www.youtube.com/watch?v={Id}" : $"https://vimeo.com/{Id}";
}
