using AdPilot.Core.Storage;

namespace AdPilot.Web.Hosting.Security;

/// <summary>
/// The policies sent with every answer. Pages: scripts only from this origin or with the request's nonce (Blazor's
/// import map), styles from this origin plus inline styles (MudBlazor and ECharts set style attributes and a theme
/// &lt;style&gt;), WebSocket and fetch to this origin and the upload store. Non-HTML answers (JSON, files) may load nothing.
/// The API reference (/docs) alone may eval: Scalar's bundle compiles code at run time, and that page shows no user data.
/// </summary>
internal sealed class ContentSecurityPolicy(string storageSources)
{
    public const string NonHtml = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>
    /// A published landing page: its own &lt;meta&gt; policy restricts what it loads; the header adds what a meta cannot say
    /// (framing: only by AdPilot's own pages, e.g. a list thumbnail) and, since the page is served on AdPilot's own origin,
    /// repeats the one rule that matters most: no script but the renderer's own, by its hash, whatever the HTML says.
    /// </summary>
    public static readonly string PublishedPage = $"script-src {Core.LandingPages.PageScript.Hash}; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";

    /// <summary>Origins of the object store (presigned uploads and, over plain HTTP, previews): empty for the local store.</summary>
    public static ContentSecurityPolicy For(StorageOptions storage) => new(string.Join(' ', StorageOrigins(storage).Distinct()));

    public string ForPage(string nonce, bool allowEval = false, string? formTarget = null) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'{(allowEval ? " 'unsafe-eval'" : "")}; style-src 'self' 'unsafe-inline'; "
        + $"img-src 'self' data: blob: https: {storageSources}; font-src 'self' data:; connect-src 'self' {storageSources}; "
        + $"media-src 'self' blob: https: {storageSources}; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
        + $"form-action 'self'{(formTarget is null ? "" : " " + formTarget)}; frame-ancestors 'none'";

    private static IEnumerable<string> StorageOrigins(StorageOptions storage)
    {
        string?[] urls = storage.Provider == StorageProvider.S3
            ? [storage.S3.ServiceUrl, storage.S3.PublicBaseUrl, AwsBucketUrl(storage.S3)]
            : [storage.Local.PublicBaseUrl];
        foreach (var url in urls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                yield return uri.GetLeftPart(UriPartial.Authority);
            }
        }
    }

    private static string? AwsBucketUrl(S3StorageOptions s3) =>
        string.IsNullOrEmpty(s3.ServiceUrl) && s3.Bucket.Length > 0 ? $"https://{s3.Bucket}.s3.{s3.Region}.amazonaws.com" : null;
}
