using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.AdAccounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Platforms.GoogleAds;

/// <summary>
/// Google Ads API over REST: OAuth 2.0 with PKCE and offline refresh tokens, GAQL through <c>googleAds:searchStream</c>,
/// changes through the <c>*:mutate</c> services. Customer ids are digits without dashes.
/// </summary>
public sealed partial class GoogleAdsClient(HttpClient http, IOptions<GoogleAdsOptions> options, TimeProvider time, ILogger<GoogleAdsClient> logger) : IAdPlatform
{
    private const string Platform = "Google Ads";

    private GoogleAdsOptions Options => options.Value;

    public AdPlatformKind Kind => AdPlatformKind.GoogleAds;

    public bool IsConfigured => Options.IsConfigured;

    public bool SupportsPkce => true;

    /// <summary>Runs a GAQL query; the stream answer is a JSON array of batches, each with <c>results</c>.</summary>
    private async Task<List<GoogleAdsRow>> SearchAsync(PlatformAccess access, string query, CancellationToken ct)
    {
        var customerId = GoogleAdsMapping.CustomerId(access.AccountId);
        var batches = await ApiAsync<List<GoogleSearchBatch>>(HttpMethod.Post, $"customers/{customerId}/googleAds:searchStream", access.AccessToken,
            new Dictionary<string, string> { ["query"] = query }, ct, idempotent: true);
        return [.. batches.SelectMany(b => b.Results ?? [])];
    }

    private async Task<List<string>> MutateAsync(PlatformAccess access, string service, IEnumerable<object> operations, CancellationToken ct)
    {
        var customerId = GoogleAdsMapping.CustomerId(access.AccountId);
        var response = await ApiAsync<GoogleMutateResponse>(HttpMethod.Post, $"customers/{customerId}/{service}:mutate", access.AccessToken,
            new Dictionary<string, object> { ["operations"] = operations.ToList() }, ct);
        return [.. (response.Results ?? []).Select(r => r.ResourceName ?? "")];
    }

    private async Task<T> ApiAsync<T>(HttpMethod method, string path, string accessToken, object? body, CancellationToken ct, bool idempotent = false)
    {
        using var request = new HttpRequestMessage(method, $"{Options.BaseUrl.ToString().TrimEnd('/')}/{Options.ApiVersion}/{path}")
        {
            Content = body is null ? null : JsonContent.Create(body, options: GoogleAdsJson.Options),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        request.Headers.Add("developer-token", Options.DeveloperToken);
        if (!string.IsNullOrWhiteSpace(Options.LoginCustomerId))
        {
            request.Headers.Add("login-customer-id", GoogleAdsMapping.CustomerId(Options.LoginCustomerId));
        }

        if (idempotent)
        {
            request.MarkIdempotent();
        }

        return await ReadAsync<T>(request, path, ct);
    }

    private async Task<T> ReadAsync<T>(HttpRequestMessage request, string what, CancellationToken ct)
    {
        using var response = await PlatformHttp.SendAsync(http, request, Platform, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        // searchStream reports a failure mid-stream as a batch with "error" inside a 200.
        if (!response.IsSuccessStatusCode || GoogleAdsErrors.Parse(text) is ({ }, _))
        {
            var error = GoogleAdsErrors.ToException(response, text, time);
            logger.LogWarning("Google Ads {Method} {Path} failed: {Kind} {Code}", request.Method, what, error.Kind, error.PlatformCode);
            throw error;
        }

        var json = typeof(T) == typeof(GoogleTokenResponse) ? GoogleAdsJson.OAuth : GoogleAdsJson.Options;
        return JsonSerializer.Deserialize<T>(text, json) ?? throw new PlatformException(PlatformErrorKind.Transient, "Google Ads returned an empty response.");
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
