using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.AdAccounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Platforms.TikTok;

/// <summary>
/// TikTok Marketing API v1.3. The token goes in the <c>Access-Token</c> header; every answer is HTTP 200 with a
/// <c>code</c>, so errors are read from the body.
/// </summary>
public sealed partial class TikTokAdsClient(HttpClient http, IOptions<TikTokOptions> options, TimeProvider time, ILogger<TikTokAdsClient> logger) : IAdPlatform
{
    private const string Platform = "TikTok";
    private const string ApiPath = "open_api/v1.3";

    private TikTokOptions Options => options.Value;

    public AdPlatformKind Kind => AdPlatformKind.TikTok;

    public bool IsConfigured => Options.IsConfigured;

    public bool SupportsPkce => false;

    private Task<T> GetAsync<T>(string path, string? accessToken, IEnumerable<KeyValuePair<string, string?>> query, CancellationToken ct) =>
        SendAsync<T>(HttpMethod.Get, $"{path}?{PlatformHttp.Query(query)}", accessToken, null, ct);

    private Task<T> PostAsync<T>(string path, string? accessToken, object body, CancellationToken ct, bool idempotent = false) =>
        SendAsync<T>(HttpMethod.Post, path, accessToken, JsonContent.Create(body, options: TikTokJson.Options), ct, idempotent);

    private async Task<T> SendAsync<T>(HttpMethod method, string pathAndQuery, string? accessToken, HttpContent? body, CancellationToken ct, bool idempotent = false)
    {
        using var request = new HttpRequestMessage(method, $"{Options.BaseUrl.ToString().TrimEnd('/')}/{ApiPath}/{pathAndQuery}") { Content = body };
        if (accessToken is not null)
        {
            request.Headers.Add("Access-Token", accessToken);
        }

        if (idempotent)
        {
            request.MarkIdempotent();
        }

        using var response = await PlatformHttp.SendAsync(http, request, Platform, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        TikTokEnvelope<T>? envelope = null;
        try
        {
            envelope = JsonSerializer.Deserialize<TikTokEnvelope<T>>(text, TikTokJson.Options);
        }
        catch (JsonException) when (!response.IsSuccessStatusCode)
        {
            // An HTML error page from a proxy: the status code says enough.
        }

        if (!response.IsSuccessStatusCode || envelope is null || envelope.Code != 0)
        {
            var error = TikTokErrors.ToException(envelope?.Code ?? 0, envelope?.Message, response.StatusCode);
            logger.LogWarning("TikTok {Method} {Path} failed: {Kind} {Code} (request {RequestId})", method, SecretRedaction.Redact(pathAndQuery), error.Kind, error.PlatformCode, envelope?.RequestId);
            throw error;
        }

        return envelope.Data ?? throw new PlatformException(PlatformErrorKind.Transient, "TikTok returned no data.");
    }

    /// <summary>Reads pages 1..<c>page_info.total_page</c>.</summary>
    private async Task<List<T>> GetAllAsync<T>(string path, string accessToken, IEnumerable<KeyValuePair<string, string?>> query, CancellationToken ct, int pageSize = 100)
    {
        var all = new List<T>();
        var page = 1;
        int totalPages;
        do
        {
            var parameters = query.Append(P("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(P("page_size", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var data = await GetAsync<TikTokList<T>>(path, accessToken, parameters, ct);
            all.AddRange(data.List ?? []);
            totalPages = data.PageInfo?.TotalPage ?? 1;
            page++;
        }
        while (page <= totalPages);

        return all;
    }

    private static KeyValuePair<string, string?> P(string name, string? value) => new(name, value);

    private static string Json(object value) => JsonSerializer.Serialize(value, TikTokJson.Options);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
