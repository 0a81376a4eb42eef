namespace AdPilot.Core.Common.Net;

/// <summary>A fetched body, kept in a temporary file that is deleted when this is disposed.</summary>
public sealed class FetchedFile(Stream content, string contentType, Uri url, string? charset = null, int statusCode = 200) : IAsyncDisposable
{
    /// <summary>The body, positioned at its start.</summary>
    public Stream Content { get; } = content;

    public string ContentType { get; } = contentType;

    /// <summary>The charset the Content-Type header named, if any (text bodies).</summary>
    public string? Charset { get; } = charset;

    /// <summary>The final answer's HTTP status (a 2xx).</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>The address the body came from, after redirects.</summary>
    public Uri Url { get; } = url;

    /// <summary>The last segment of the path, when there is one (a name to show, never trusted for the type).</summary>
    public string? FileName => Uri.UnescapeDataString(Url.Segments[^1]).Trim('/') is { Length: > 0 } name ? name : null;

    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
