using System.Globalization;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Common.Net;

/// <summary>
/// Fetches a URL a user gave without letting it reach AdPilot's own network (ADR 021): http(s) only; the host is
/// resolved here and every address checked by <see cref="AddressPolicy"/>; the connection goes to a checked address
/// (so DNS rebinding cannot swap it); redirects are followed by hand and each hop checked again; the body is bounded in
/// size, type and time. Every refusal is a <see cref="ValidationFailedException"/> on the field <c>url</c> with one of the
/// codes of <see cref="FetchErrors"/>.
/// </summary>
public sealed class SafeHttpFetcher : IDisposable
{
    public const string Field = "url";

    private readonly SafeFetchOptions _options;
    private readonly GuardedConnections _guard;
    private readonly TimeProvider _clock;
    private readonly HttpClient _http;

    public SafeHttpFetcher(IOptions<SafeFetchOptions> options, IHostResolver resolver, TimeProvider clock)
    {
        _options = options.Value;
        _guard = new GuardedConnections(new AddressPolicy(_options.TestOnlyAllowedNetworks), resolver);
        _clock = clock;
        _http = new HttpClient(_guard.CreateHandler())
        { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("AdPilot-Fetcher/1.0");
    }

    public async Task<FetchedFile> FetchAsync(string? url, FetchLimits limits, CancellationToken ct = default)
    {
        var current = Parse(url);
        var limit = limits.Timeout is { } shorter && shorter < _options.Timeout ? shorter : _options.Timeout;
        using var timeout = new CancellationTokenSource(limit, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            for (var hop = 0; ; hop++)
            {
                using var response = await SendAsync(current, linked.Token);
                if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        throw Refused($"The address redirected more than {_options.MaxRedirects} times.", FetchErrors.Unreachable);
                    }

                    current = Parse(response.Headers.Location is { } next ? new Uri(current, next).ToString() : null, redirect: true);
                    continue;
                }

                return await ReadAsync(response, current, limits, linked.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw Refused($"The address did not send the whole file within {limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} seconds.", FetchErrors.Timeout);
        }
        catch (Exception ex) when ((ex is HttpRequestException or IOException) && !ct.IsCancellationRequested)
        {
            throw Refused("The address could not be reached, or the connection broke off. Check that the URL is public and correct.", FetchErrors.Unreachable);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri url, CancellationToken ct)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        var check = await _guard.CheckAsync(request, ct);
        if (!check.Resolved)
        {
            throw Refused($"The host {check.Host} does not resolve to an address.", FetchErrors.Unreachable);
        }

        if (check.RefusedKind is { } kind)
        {
            throw Refused($"{check.Host} leads to {check.Address}, a {kind} address. AdPilot fetches files only from the public internet.", FetchErrors.NotAllowed);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
    }

    private static async Task<FetchedFile> ReadAsync(HttpResponseMessage response, Uri url, FetchLimits limits, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw Refused($"The address answered HTTP {(int)response.StatusCode} instead of the file.", FetchErrors.Unreachable);
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (contentType is null || !limits.ContentTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase))
        {
            throw Refused($"The address sent {contentType ?? "no content type"}; accepted: {string.Join(", ", limits.ContentTypes)}.", FetchErrors.UnsupportedType);
        }

        if (response.Content.Headers.ContentLength > limits.MaxBytes)
        {
            throw TooLarge(limits.MaxBytes);
        }

        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var file = await TempFile.CopyAsync(body, limits.MaxBytes, () => TooLarge(limits.MaxBytes), ct);
        return new FetchedFile(file, contentType.ToLowerInvariant(), url, response.Content.Headers.ContentType?.CharSet, (int)response.StatusCode);
    }

    private static Uri Parse(string? url, bool redirect = false)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Refused(redirect ? "The address redirected to something that is not an http or https address." : "The URL must be an http or https address.", FetchErrors.NotAllowed);
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw Refused("The URL must not carry a user name or password.", FetchErrors.NotAllowed);
        }

        return uri;
    }

    private static ValidationFailedException TooLarge(long maxBytes) =>
        Refused($"The file is larger than the {maxBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes accepted.", FetchErrors.TooLarge);

    private static ValidationFailedException Refused(string message, string code) => new(new Dictionary<string, string[]> { [Field] = [message] }, message, code);

    public void Dispose() => _http.Dispose();
}
