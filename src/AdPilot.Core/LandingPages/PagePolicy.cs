using System.Text.RegularExpressions;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// The page's Content-Security-Policy, as a &lt;meta&gt; (the file may be served by a bucket or CDN that sends no header):
/// defence in depth behind the escaping. Only the page's own script (by hash), inline styles, images over https (plus
/// the asset origins the page uses), the two video players, and the form and beacon to AdPilot's base.
/// </summary>
internal static partial class PagePolicy
{
    public static string For(RenderContext context, IEnumerable<string> imageOrigins)
    {
        var images = string.Join("", imageOrigins.Where(o => Origin().IsMatch(o)).Distinct().Select(o => " " + o));
        if (context.Preview)
        {
            return $"default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:{images}; "
                + "frame-src https://www.youtube-nocookie.com https://player.vimeo.com; form-action 'none'; connect-src 'none'; base-uri 'none'";
        }

        var app = OriginOf(context.BaseUrl) ?? "'self'";
        return $"default-src 'none'; script-src {PageScript.Hash}; style-src 'unsafe-inline'; img-src 'self' https: data:{images}; "
            + $"frame-src https://www.youtube-nocookie.com https://player.vimeo.com; form-action {app}; connect-src {app}; base-uri 'none'";
    }

    /// <summary><c>scheme://host[:port]</c> of an absolute http(s) URL, only when it has nothing that could end a CSP source.</summary>
    public static string? OriginOf(string? url)
    {
        if (!PageUrls.IsHttp(url))
        {
            return null;
        }

        var uri = new Uri(url!);
        var origin = $"{uri.Scheme}://{uri.IdnHost}{(uri.IsDefaultPort ? "" : ":" + uri.Port)}";
        return Origin().IsMatch(origin) ? origin : null;
    }

    [GeneratedRegex("^https?://[A-Za-z0-9.\\-\\[\\]:]{1,300}$", RegexOptions.CultureInvariant, 50)]
    private static partial Regex Origin();
}
