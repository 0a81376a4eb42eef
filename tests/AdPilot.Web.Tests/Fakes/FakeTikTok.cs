using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>
/// A local TikTok Marketing API v1.3: <c>{code, message, request_id, data}</c> with HTTP 200 even on errors,
/// the Access-Token header, and page/page_size paging (two items a page).
/// </summary>
public sealed class FakeTikTok : FakeApiServer
{
    public const string AppId = "7000000000000000001";
    public const string Secret = "tiktok-app-secret-value";
    public const string AuthCode = "tiktok-auth-code";
    public const string AccessToken = "act.TikTokAccessTokenValue333";
    public const string RefreshToken = "rft.TikTokRefreshTokenValue444";
    public const int PageSize = 2;

    private readonly List<Dictionary<string, object?>> _campaigns = [];

    /// <summary>When true the token exchange issues a refreshable token (expires in a day) instead of a long-lived one.</summary>
    public bool Refreshable { get; set; }

    public List<Dictionary<string, object?>> ReportRows { get; } = [];

    /// <summary>Ads as <c>ad/get/</c> lists them (with <c>secondary_status</c>).</summary>
    public List<Dictionary<string, object?>> Ads { get; } = [];

    /// <summary>What <c>ad/review_info/</c> answers per ad id (is_approved, review_status, reject_info).</summary>
    public Dictionary<string, object> ReviewInfo { get; } = [];

    public static async Task<FakeTikTok> StartNewAsync()
    {
        var fake = new FakeTikTok();
        await fake.StartAsync();
        return fake;
    }

    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Platforms:TikTok:AppId"] = AppId,
        ["Platforms:TikTok:Secret"] = Secret,
        ["Platforms:TikTok:BaseUrl"] = BaseUrl,
    };

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        var path = (context.Request.Path.Value ?? "").Replace("/open_api/v1.3/", "", StringComparison.Ordinal);
        if (path.StartsWith("oauth2/access_token", StringComparison.Ordinal) || path.StartsWith("oauth2/refresh_token", StringComparison.Ordinal))
        {
            var json = JsonDocument.Parse(body).RootElement;
            var valid = json.GetProperty("secret").GetString() == Secret
                && (json.TryGetProperty("auth_code", out var code) ? code.GetString() == AuthCode : json.GetProperty("refresh_token").GetString() == RefreshToken);
            await (valid
                ? OkAsync(context, Refreshable || path.StartsWith("oauth2/refresh", StringComparison.Ordinal)
                    ? new { access_token = AccessToken, refresh_token = RefreshToken, access_token_expires_in = 86400, refresh_token_expires_in = 31536000, advertiser_ids = new[] { "7001" } }
                    : new { access_token = AccessToken, advertiser_ids = new[] { "7001" }, scope = new[] { 4 } })
                : ErrorAsync(context, 40007, "auth_code is invalid or expired."));
            return;
        }

        if (TokenExpired || context.Request.Headers["Access-Token"] != AccessToken)
        {
            await ErrorAsync(context, 40105, "The access token is invalid or has been revoked.");
            return;
        }

        if (TakeServerError())
        {
            context.Response.StatusCode = 503;
            await context.Response.WriteAsync("upstream unavailable");
            return;
        }

        if (TakeThrottle())
        {
            await ErrorAsync(context, 40100, "Requests made too frequently.");
            return;
        }

        switch (path)
        {
            case "oauth2/advertiser/get/":
                await OkAsync(context, new { list = new[] { new { advertiser_id = "7001", advertiser_name = "Shop US" }, new { advertiser_id = "7002", advertiser_name = "Shop EU" } } });
                break;
            case "advertiser/info/":
                await OkAsync(context, new { list = new[] { new { advertiser_id = "7001", name = "Shop US", currency = "USD", timezone = "America/New_York" }, new { advertiser_id = "7002", name = "Shop EU", currency = "EUR", timezone = "Europe/Berlin" } } });
                break;
            case "campaign/create/":
                var json = JsonDocument.Parse(body).RootElement;
                var id = (1800000000 + _campaigns.Count).ToString(CultureInfo.InvariantCulture);
                _campaigns.Add(new Dictionary<string, object?>
                {
                    ["campaign_id"] = id,
                    ["campaign_name"] = json.GetProperty("campaign_name").GetString(),
                    ["objective_type"] = json.GetProperty("objective_type").GetString(),
                    ["operation_status"] = json.GetProperty("operation_status").GetString(),
                    ["budget_mode"] = json.GetProperty("budget_mode").GetString(),
                    ["budget"] = json.GetProperty("budget").GetDecimal(),
                });
                await OkAsync(context, new { campaign_id = id });
                break;
            case "campaign/get/":
                await PageAsync(context, _campaigns);
                break;
            case "report/integrated/get/":
                await PageAsync(context, ReportRows);
                break;
            case "ad/get/":
                await PageAsync(context, Ads);
                break;
            case "ad/review_info/":
                var asked = JsonSerializer.Deserialize<string[]>(context.Request.Query["ad_ids"].ToString()) ?? [];
                await OkAsync(context, new { ad_review_map = ReviewInfo.Where(r => asked.Contains(r.Key)).ToDictionary(r => r.Key, r => r.Value) });
                break;
            default:
                await ErrorAsync(context, 40002, $"Unsupported path {path}");
                break;
        }
    }

    public static Dictionary<string, object?> Row(string day, string campaignId, string spend, string impressions, string clicks, string conversion, string value) => new()
    {
        ["dimensions"] = new Dictionary<string, string> { ["campaign_id"] = campaignId, ["stat_time_day"] = $"{day} 00:00:00" },
        ["metrics"] = new Dictionary<string, string>
        {
            ["spend"] = spend, ["impressions"] = impressions, ["clicks"] = clicks, ["conversion"] = conversion,
            ["total_complete_payment_rate"] = value, ["currency"] = "USD",
        },
    };

    private static async Task PageAsync(HttpContext context, List<Dictionary<string, object?>> items)
    {
        var page = int.Parse(context.Request.Query["page"].ToString() is { Length: > 0 } p ? p : "1", CultureInfo.InvariantCulture);
        var totalPage = Math.Max(1, (items.Count + PageSize - 1) / PageSize);
        await OkAsync(context, new
        {
            list = items.Skip((page - 1) * PageSize).Take(PageSize),
            page_info = new { page, page_size = PageSize, total_number = items.Count, total_page = totalPage },
        });
    }

    private static Task OkAsync(HttpContext context, object data) =>
        context.Response.WriteAsJsonAsync(new { code = 0, message = "OK", request_id = Guid.NewGuid().ToString("N"), data });

    private static Task ErrorAsync(HttpContext context, int code, string message) =>
        context.Response.WriteAsJsonAsync(new { code, message, request_id = Guid.NewGuid().ToString("N"), data = new { } });
}
