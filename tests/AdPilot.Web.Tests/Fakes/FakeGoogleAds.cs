using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>
/// A local Google Ads API (REST) and OAuth token endpoint: Bearer + developer-token, searchStream answering a JSON array
/// of batches (two rows a batch), mutate services, and Google's error JSON.
/// </summary>
public sealed partial class FakeGoogleAds : FakeApiServer
{
    public const string ClientId = "123-abc.apps.googleusercontent.com";
    public const string ClientSecret = "GOCSPX-google-client-secret";
    public const string DeveloperToken = "dev-token-value";
    public const string Code = "4/google-auth-code";
    public const string AccessToken = "ya29.GoogleAccessTokenValue555";
    public const string RefreshToken = "1//GoogleRefreshTokenValue666";
    public const string CustomerId = "1234567890";

    /// <summary>The Campaign fields (v25, REST names) the fake accepts on create; anything else is an unknown field.</summary>
    private static readonly HashSet<string> CampaignFields =
        ["name", "status", "advertisingChannelType", "campaignBudget", "startDateTime", "endDateTime", "targetSpend", "manualCpc", "containsEuPoliticalAdvertising"];

    /// <summary>The only API version this fake answers, as Google answers nothing for a sunset version.</summary>
    public const string Version = "v25";

    private readonly List<Dictionary<string, object?>> _campaigns = [];
    private readonly Dictionary<string, long> _budgets = [];

    /// <summary>Retry-After (seconds) sent with the throttled answers.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    public List<Dictionary<string, object?>> MetricRows { get; } = [];

    /// <summary>Rows of <c>FROM ad_group_ad</c>; <c>adGroupAd.policySummary</c> is answered only when the query selects it.</summary>
    public List<Dictionary<string, object?>> AdRows { get; } = [];

    public static async Task<FakeGoogleAds> StartNewAsync()
    {
        var fake = new FakeGoogleAds();
        await fake.StartAsync();
        return fake;
    }

    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Platforms:GoogleAds:ClientId"] = ClientId,
        ["Platforms:GoogleAds:ClientSecret"] = ClientSecret,
        ["Platforms:GoogleAds:DeveloperToken"] = DeveloperToken,
        ["Platforms:GoogleAds:LoginCustomerId"] = "999-888-7777",
        ["Platforms:GoogleAds:BaseUrl"] = BaseUrl,
        ["Platforms:GoogleAds:TokenUrl"] = $"{BaseUrl}/token",
        ["Platforms:GoogleAds:RevokeUrl"] = $"{BaseUrl}/revoke",
    };

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        var path = context.Request.Path.Value ?? "";
        if (path == "/token")
        {
            var form = await context.Request.ReadFormAsync();
            var ok = form["client_secret"] == ClientSecret
                && (form["grant_type"] == "authorization_code" ? form["code"] == Code : form["refresh_token"] == RefreshToken);
            if (!ok)
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsJsonAsync(new { error = "invalid_grant", error_description = "Bad Request" });
            }
            else if (form["grant_type"] == "authorization_code")
            {
                await context.Response.WriteAsJsonAsync(new { access_token = AccessToken, expires_in = 3599, refresh_token = RefreshToken, scope = "https://www.googleapis.com/auth/adwords", token_type = "Bearer" });
            }
            else
            {
                await context.Response.WriteAsJsonAsync(new { access_token = AccessToken, expires_in = 3599, scope = "https://www.googleapis.com/auth/adwords", token_type = "Bearer" });
            }

            return;
        }

        if (TokenExpired || context.Request.Headers.Authorization != $"Bearer {AccessToken}" || context.Request.Headers["developer-token"] != DeveloperToken)
        {
            await ErrorAsync(context, 401, "UNAUTHENTICATED", "Request had invalid authentication credentials. Expected OAuth 2 access token.");
            return;
        }

        if (TakeServerError())
        {
            await ErrorAsync(context, 503, "UNAVAILABLE", "The service is currently unavailable.");
            return;
        }

        if (TakeThrottle())
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await ErrorAsync(context, 429, "RESOURCE_EXHAUSTED", "Too many requests. Retry in 1 seconds.");
            return;
        }

        if (!path.StartsWith($"/{Version}/", StringComparison.Ordinal))
        {
            await ErrorAsync(context, 404, "NOT_FOUND", $"Method not found: {path}");
            return;
        }

        if (path.EndsWith("customers:listAccessibleCustomers", StringComparison.Ordinal))
        {
            await context.Response.WriteAsJsonAsync(new { resourceNames = new[] { $"customers/{CustomerId}" } });
        }
        else if (path.EndsWith("googleAds:searchStream", StringComparison.Ordinal))
        {
            var query = JsonDocument.Parse(body).RootElement.GetProperty("query").GetString()!;
            if (RemovedField().Match(query) is { Success: true } removed)
            {
                // v23 replaced campaign.start_date/end_date with start_date_time/end_date_time.
                await ErrorAsync(context, 400, "INVALID_ARGUMENT", "Request contains an invalid argument.", $"Unrecognized field in the query: '{removed.Value}'.");
                return;
            }

            if (query.Contains("FROM ad_group_ad", StringComparison.Ordinal))
            {
                await StreamAsync(context, query.Contains("ad_group_ad.policy_summary.approval_status", StringComparison.Ordinal) ? AdRows : [.. AdRows.Select(WithoutPolicy)]);
                return;
            }

            await StreamAsync(context, query.Contains("FROM customer", StringComparison.Ordinal) && !query.Contains("segments.date", StringComparison.Ordinal)
                ? [new() { ["customer"] = new { id = CustomerId, descriptiveName = "Acme", currencyCode = "USD", timeZone = "Europe/London" } }]
                : query.Contains("segments.date", StringComparison.Ordinal) ? MetricRows
                : _campaigns);
        }
        else if (path.EndsWith("campaignBudgets:mutate", StringComparison.Ordinal))
        {
            var create = JsonDocument.Parse(body).RootElement.GetProperty("operations")[0].GetProperty("create");
            var name = $"customers/{CustomerId}/campaignBudgets/{900 + _budgets.Count}";
            _budgets[name] = long.Parse(create.GetProperty("amountMicros").GetString()!, CultureInfo.InvariantCulture);
            await context.Response.WriteAsJsonAsync(new { results = new[] { new { resourceName = name } } });
        }
        else if (path.EndsWith("campaigns:mutate", StringComparison.Ordinal))
        {
            var create = JsonDocument.Parse(body).RootElement.GetProperty("operations")[0].GetProperty("create");
            if (create.EnumerateObject().FirstOrDefault(f => !CampaignFields.Contains(f.Name)) is { Value.ValueKind: not JsonValueKind.Undefined } unknown)
            {
                // As the REST API answers a field the Campaign resource does not have (start_date became start_date_time in v23).
                await ErrorAsync(context, 400, "INVALID_ARGUMENT", $"Invalid JSON payload received. Unknown name \"{unknown.Name}\" at 'operations[0].create': Cannot find field.");
                return;
            }

            if (create.GetProperty("name").GetString() == "" || !create.TryGetProperty("containsEuPoliticalAdvertising", out _))
            {
                await ErrorAsync(context, 400, "INVALID_ARGUMENT", "Request contains an invalid argument.", "The required field was not present.");
                return;
            }

            var id = (555000 + _campaigns.Count).ToString(CultureInfo.InvariantCulture);
            _campaigns.Add(new()
            {
                ["campaign"] = new
                {
                    resourceName = $"customers/{CustomerId}/campaigns/{id}",
                    id,
                    name = create.GetProperty("name").GetString(),
                    status = create.GetProperty("status").GetString(),
                    advertisingChannelType = create.GetProperty("advertisingChannelType").GetString(),
                    startDateTime = create.TryGetProperty("startDateTime", out var start) ? start.GetString() : null,
                    endDateTime = create.TryGetProperty("endDateTime", out var end) ? end.GetString() : "2037-12-30 23:59:59",
                },
                ["campaignBudget"] = new { amountMicros = _budgets[create.GetProperty("campaignBudget").GetString()!].ToString(CultureInfo.InvariantCulture) },
            });
            await context.Response.WriteAsJsonAsync(new { results = new[] { new { resourceName = $"customers/{CustomerId}/campaigns/{id}" } } });
        }
        else
        {
            await ErrorAsync(context, 404, "NOT_FOUND", $"Method not found: {path}");
        }
    }

    public static Dictionary<string, object?> Metric(string date, string campaignId, long costMicros, long impressions, long clicks, double conversions, double value) => new()
    {
        ["customer"] = new { currencyCode = "USD" },
        ["campaign"] = new { resourceName = $"customers/{CustomerId}/campaigns/{campaignId}", id = campaignId },
        ["metrics"] = new
        {
            costMicros = costMicros.ToString(CultureInfo.InvariantCulture),
            impressions = impressions.ToString(CultureInfo.InvariantCulture),
            clicks = clicks.ToString(CultureInfo.InvariantCulture),
            conversions,
            conversionsValue = value,
        },
        ["segments"] = new { date },
    };

    private static Dictionary<string, object?> WithoutPolicy(Dictionary<string, object?> row)
    {
        var copy = new Dictionary<string, object?>(row);
        if (copy.GetValueOrDefault("adGroupAd") is Dictionary<string, object?> ad)
        {
            copy["adGroupAd"] = ad.Where(kv => kv.Key != "policySummary").ToDictionary(kv => kv.Key, kv => kv.Value);
        }

        return copy;
    }

    private static Task StreamAsync(HttpContext context, List<Dictionary<string, object?>> rows) =>
        context.Response.WriteAsJsonAsync(rows.Chunk(2).Select(batch => new { results = batch, fieldMask = "campaign.id", requestId = Guid.NewGuid().ToString("N") })
            .DefaultIfEmpty(new { results = Array.Empty<Dictionary<string, object?>>(), fieldMask = "", requestId = "empty" }));

    private static async Task ErrorAsync(HttpContext context, int status, string code, string message, string? detail = null)
    {
        context.Response.StatusCode = status;
        object[] details = detail is null ? [] :
            [new Dictionary<string, object> { ["@type"] = $"type.googleapis.com/google.ads.googleads.{Version}.errors.GoogleAdsFailure", ["errors"] = new[] { new { message = detail } } }];
        await context.Response.WriteAsJsonAsync(new { error = new { code = status, message, status = code, details } });
    }

    [GeneratedRegex(@"campaign\.(start|end)_date\b")]
    private static partial Regex RemovedField();
}
