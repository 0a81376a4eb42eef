using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using AdPilot.Core.Common.Net;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Alerts;

/// <summary>The result of one POST: a 2xx is success; anything else carries a short error without the URL or a secret.</summary>
public sealed record AlertAttempt(bool Succeeded, int? HttpStatus, string? Error, int DurationMs);

/// <summary>
/// POSTs alert bodies through the SSRF guard (<see cref="GuardedConnections"/>): the URL's host must resolve to public
/// addresses only, the connection goes to a checked address, redirects are not followed, and each attempt is bounded
/// by <c>Alerts:Timeout</c>. Loopback is allowed only through <c>SafeFetch:TestOnlyAllowedNetworks</c> (tests).
/// </summary>
public sealed class AlertSender : IDisposable
{
    private readonly GuardedConnections _guard;
    private readonly HttpClient _http;
    private readonly AlertOptions _options;
    private readonly TimeProvider _clock;

    public AlertSender(IOptions<AlertOptions> options, IOptions<SafeFetchOptions> safeFetch, IHostResolver resolver, TimeProvider clock)
    {
        _options = options.Value;
        _clock = clock;
        _guard = new GuardedConnections(new AddressPolicy(safeFetch.Value.TestOnlyAllowedNetworks), resolver);
        _http = new HttpClient(_guard.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("AdPilot-Alerts/1.0");
    }

    public async Task<AlertAttempt> PostAsync(string url, string json, IReadOnlyDictionary<string, string> headers, CancellationToken ct)
    {
        var started = _clock.GetTimestamp();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
        {
            return Done(null, "The URL must be an http or https address without a user name or password.");
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            var check = await _guard.CheckAsync(request, linked.Token);
            if (!check.Resolved)
            {
                return Done(null, "The host does not resolve to an address.");
            }

            if (check.RefusedKind is { } kind)
            {
                return Done(null, $"Refused: the host leads to a {kind} address. Alerts go only to the public internet.");
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            return status is >= 200 and < 300 ? Done(status, null) : Done(status, $"The receiver answered HTTP {status}.");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return Done(null, $"No answer within {_options.Timeout.TotalSeconds:0} seconds.");
        }
        catch (Exception ex) when ((ex is HttpRequestException or IOException) && !ct.IsCancellationRequested)
        {
            return Done(null, "The connection failed or broke off.");
        }

        AlertAttempt Done(int? status, string? error) =>
            new(error is null, status, error, (int)Math.Min(int.MaxValue, _clock.GetElapsedTime(started).TotalMilliseconds));
    }

    /// <summary>The kind of refused address the URL's host leads to ("loopback", "private"…), or null (public or unresolved).</summary>
    public async Task<string?> RefusalOfAsync(Uri url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        return (await _guard.CheckAsync(request, ct)).RefusedKind;
    }

    public void Dispose() => _http.Dispose();
}
