using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AdPilot.Core.AdAccounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Platforms.Meta;

/// <summary>
/// Meta Marketing API (Graph API). Tokens travel as <c>access_token</c> query parameters with an
/// <c>appsecret_proof</c>; Meta issues no refresh token, so a long-lived (~60 day) token is re-exchanged before expiry.
/// </summary>
public sealed partial class MetaAdsClient(HttpClient http, IOptions<MetaOptions> options, TimeProvider time, ILogger<MetaAdsClient> logger) : IAdPlatform
{
    private const string Platform = "Meta";
    private static readonly TimeSpan LongLivedDefault = TimeSpan.FromDays(60);

    private MetaOptions Options => options.Value;

    public AdPlatformKind Kind => AdPlatformKind.Meta;

    public bool IsConfigured => Options.IsConfigured;

    public bool SupportsPkce => false;

    /// <summary>HMAC-SHA256 of the access token keyed with the app secret, lower-case hex, as Graph API expects.</summary>
    public static string AppSecretProof(string accessToken, string appSecret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.UTF8.GetBytes(accessToken)));

    private async Task<T> SendAsync<T>(HttpMethod method, string path, string? accessToken, IEnumerable<KeyValuePair<string, string?>>? query, CancellationToken ct, HttpContent? body = null)
    {
        var parameters = new List<KeyValuePair<string, string?>>(query ?? []);
        if (accessToken is not null)
        {
            parameters.Add(new("access_token", accessToken));
            parameters.Add(new("appsecret_proof", AppSecretProof(accessToken, Options.AppSecret ?? "")));
        }

        var url = $"{Options.BaseUrl.ToString().TrimEnd('/')}/{Options.GraphApiVersion}/{path.TrimStart('/')}?{PlatformHttp.Query(parameters)}";
        using var request = new HttpRequestMessage(method, url) { Content = body };
        using var response = await PlatformHttp.SendAsync(http, request, Platform, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            var error = MetaErrors.ToException(response, text);
            logger.LogWarning("Meta {Method} {Path} failed: {Kind} {Code}", method, path, error.Kind, error.PlatformCode);
            throw error;
        }

        if (MetaErrors.HighestUsage(response) >= MetaErrors.UsageLimit)
        {
            // Back off before Meta blocks the app for hours. A write already happened, so its result is kept.
            logger.LogWarning("Meta usage at or above {Limit}% after {Method} {Path}", MetaErrors.UsageLimit, method, path);
            if (method == HttpMethod.Get)
            {
                throw new PlatformException(PlatformErrorKind.RateLimited, "Meta API usage is at or above 95% of the quota.", "usage", MetaErrors.RegainAccess(response));
            }
        }

        return JsonSerializer.Deserialize<T>(text, MetaJson.Options)
            ?? throw new PlatformException(PlatformErrorKind.Transient, "Meta returned an empty response.");
    }

    /// <summary>Reads every page, following <c>paging.cursors.after</c> while Meta reports a <c>paging.next</c>.</summary>
    private async Task<List<T>> GetAllAsync<T>(string path, string accessToken, IEnumerable<KeyValuePair<string, string?>> query, CancellationToken ct)
    {
        var all = new List<T>();
        string? after = null;
        do
        {
            var parameters = query.Append(new("limit", "100")).Append(new("after", after));
            var page = await SendAsync<MetaPage<T>>(HttpMethod.Get, path, accessToken, parameters, ct);
            all.AddRange(page.Data ?? []);
            var next = page.Paging?.Next is null ? null : page.Paging.Cursors?.After;
            after = next == after ? null : next;
        }
        while (after is not null);

        return all;
    }

    private static KeyValuePair<string, string?> P(string name, string? value) => new(name, value);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
