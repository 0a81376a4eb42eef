namespace AdPilot.Core.Common.Net;

/// <summary>
/// The codes of <see cref="SafeHttpFetcher"/>'s refusals (each a <see cref="ValidationFailedException"/> on field
/// <c>url</c>, HTTP 400), so a caller, a tool or a model can tell a refused address from a slow or oversized answer.
/// </summary>
public static class FetchErrors
{
    /// <summary>Not an http(s) URL, a user name or password in it, or an address (first or after a redirect) that is not public.</summary>
    public const string NotAllowed = "url_not_allowed";

    /// <summary>The host does not resolve, the connection failed or broke off, too many redirects, or an HTTP error status.</summary>
    public const string Unreachable = "url_unreachable";

    public const string TooLarge = "url_too_large";

    public const string UnsupportedType = "url_unsupported_type";

    public const string Timeout = "url_timeout";
}
