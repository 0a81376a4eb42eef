using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>
/// A local Graph API (Marketing API) speaking Meta's wire format: token exchange, appsecret_proof checks, cursor
/// paging (two items a page), Graph error JSON and usage headers.
/// </summary>
public sealed class FakeMeta : FakeApiServer
{
    public const string AppId = "1234567890";
    public const string AppSecret = "meta-app-secret-value";
    /// <summary>The only Marketing API version this fake answers; older ones get Meta's "deprecated version" error.</summary>
    public const string Version = "v26.0";
    public const string Code = "meta-auth-code";
    public const string ShortToken = "EAAShortLivedTokenValue111";
    public const string LongToken = "EAALongLivedTokenValue222";
    public const int PageSize = 2;

    private readonly List<Dictionary<string, object?>> _campaigns = [];

    /// <summary>call_count reported in X-Business-Use-Case-Usage on every answer.</summary>
    public int UsagePercent { get; set; } = 12;

    public List<Dictionary<string, object?>> InsightRows { get; } = [];

    /// <summary>Ads as Graph stores them; a listing returns only the fields it asked for, as Graph does.</summary>
    public List<Dictionary<string, object?>> Ads { get; } = [];

    /// <summary>When set, creating a campaign fails with this Graph validation message (code 100, with error_user_msg).</summary>
    public string? CampaignCreateError { get; set; }

    public IReadOnlyList<Dictionary<string, object?>> Campaigns => _campaigns;

    public static async Task<FakeMeta> StartNewAsync()
    {
        var fake = new FakeMeta();
        await fake.StartAsync();
        return fake;
    }

    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Platforms:Meta:AppId"] = AppId,
        ["Platforms:Meta:AppSecret"] = AppSecret,
        ["Platforms:Meta:BaseUrl"] = BaseUrl,
    };

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        var request = context.Request;
        var segments = (request.Path.Value ?? "").Trim('/').Split('/');
        var path = string.Join('/', segments.Skip(1));
        if (segments[0] != Version)
        {
            await ErrorAsync(context, 400, 2635, $"You are calling a deprecated version of the Ads API. Please update to the latest version: {Version}.", "OAuthException");
            return;
        }

        if (path == "oauth/access_token")
        {
            await TokenAsync(context);
            return;
        }

        var token = request.Query["access_token"].ToString();
        var proof = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AppSecret), Encoding.UTF8.GetBytes(token)));
        if (TokenExpired || token != LongToken)
        {
            await ErrorAsync(context, 400, 190, "Error validating access token: Session has expired.", "OAuthException");
            return;
        }

        if (request.Query["appsecret_proof"] != proof)
        {
            await ErrorAsync(context, 400, 100, "Invalid appsecret_proof provided in the API argument", "GraphMethodException");
            return;
        }

        if (TakeServerError())
        {
            await ErrorAsync(context, 500, 2, "An unexpected error has occurred. Please retry your request later.", "OAuthException");
            return;
        }

        if (TakeThrottle())
        {
            context.Response.Headers["X-Business-Use-Case-Usage"] = Usage(100, 0);
            await ErrorAsync(context, 400, 17, "User request limit reached", "OAuthException");
            return;
        }

        context.Response.Headers["X-Business-Use-Case-Usage"] = Usage(UsagePercent, 0);
        var form = request.HasFormContentType ? await request.ReadFormAsync() : null;
        switch (request.Method, segments.Length > 2 ? segments[2] : "")
        {
            case ("GET", "adaccounts"):
                await PageAsync(context, [Account("act_111", "Main", "USD"), Account("act_222", "Second", "EUR"), Account("act_333", "Third", "GBP")]);
                break;
            case ("GET", "campaigns"):
                await PageAsync(context, _campaigns);
                break;
            case ("POST", "campaigns") when CampaignCreateError is { } refusal:
                await ErrorAsync(context, 400, 100, refusal, "OAuthException");
                break;
            case ("POST", "campaigns"):
                var id = (120000000 + _campaigns.Count).ToString(CultureInfo.InvariantCulture);
                _campaigns.Add(new Dictionary<string, object?>
                {
                    ["id"] = id,
                    ["name"] = form!["name"].ToString(),
                    ["objective"] = form["objective"].ToString(),
                    ["status"] = form["status"].ToString(),
                    ["daily_budget"] = form.TryGetValue("daily_budget", out var d) ? d.ToString() : null,
                    ["lifetime_budget"] = form.TryGetValue("lifetime_budget", out var l) ? l.ToString() : null,
                });
                await context.Response.WriteAsJsonAsync(new { id });
                break;
            case ("GET", "insights"):
                await PageAsync(context, InsightRows);
                break;
            case ("GET", "ads"):
                await PageAsync(context, [.. Ads.Select(a => Requested(a, request.Query["fields"].ToString()))]);
                break;
            case ("POST", "adimages"):
                var file = form!.Files[0];
                await context.Response.WriteAsJsonAsync(new { images = new Dictionary<string, object> { [file.FileName] = new { hash = "abc123hash", url = "https://scontent.example/img.jpg" } } });
                break;
            case ("DELETE", "permissions"):
                await context.Response.WriteAsJsonAsync(new { success = true });
                break;
            default:
                await ErrorAsync(context, 400, 100, $"Unsupported request {request.Method} {path}", "GraphMethodException");
                break;
        }
    }

    public static Dictionary<string, object?> Insight(string date, string campaignId, string spend, string impressions, string clicks, string purchases, string value) => new()
    {
        ["date_start"] = date,
        ["date_stop"] = date,
        ["campaign_id"] = campaignId,
        ["account_currency"] = "USD",
        ["spend"] = spend,
        ["impressions"] = impressions,
        ["clicks"] = clicks,
        ["actions"] = new[] { new { action_type = "link_click", value = clicks }, new { action_type = "purchase", value = purchases }, new { action_type = "omni_purchase", value = purchases } },
        ["action_values"] = new[] { new { action_type = "purchase", value }, new { action_type = "omni_purchase", value } },
    };

    private static Dictionary<string, object?> Account(string id, string name, string currency) =>
        new() { ["id"] = id, ["name"] = name, ["currency"] = currency, ["timezone_name"] = "America/Los_Angeles" };

    private static string Usage(int percent, int regainMinutes) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["111"] = new[] { new { type = "ads_management", call_count = percent, total_cputime = 1, total_time = 1, estimated_time_to_regain_access = regainMinutes } },
    });

    private async Task TokenAsync(HttpContext context)
    {
        var q = context.Request.Query;
        if (q["client_id"] != AppId || q["client_secret"] != AppSecret)
        {
            await ErrorAsync(context, 400, 1, "Error validating client secret.", "OAuthException");
        }
        else if (q["grant_type"] == "fb_exchange_token" && q["fb_exchange_token"] == ShortToken || q["fb_exchange_token"] == LongToken)
        {
            await context.Response.WriteAsJsonAsync(new { access_token = LongToken, token_type = "bearer", expires_in = 5183944 });
        }
        else if (q["code"] == Code)
        {
            await context.Response.WriteAsJsonAsync(new { access_token = ShortToken, token_type = "bearer", expires_in = 5400 });
        }
        else
        {
            await ErrorAsync(context, 400, 190, "Error validating verification code.", "OAuthException");
        }
    }

    /// <summary>The top-level fields a <c>fields</c> parameter names (<c>creative{id}</c> counts as <c>creative</c>).</summary>
    private static Dictionary<string, object?> Requested(Dictionary<string, object?> item, string fields)
    {
        var names = System.Text.RegularExpressions.Regex.Replace(fields, "\\{[^}]*\\}", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return names.Length == 0 ? item : item.Where(kv => names.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    private async Task PageAsync(HttpContext context, List<Dictionary<string, object?>> items)
    {
        var start = int.TryParse(context.Request.Query["after"], out var after) ? after : 0;
        var page = items.Skip(start).Take(PageSize).ToList();
        var end = start + page.Count;
        var next = end < items.Count ? $"{BaseUrl}{context.Request.Path}?after={end}&access_token={LongToken}" : null;
        await context.Response.WriteAsJsonAsync(new
        {
            data = page,
            paging = new { cursors = new { before = start.ToString(CultureInfo.InvariantCulture), after = end.ToString(CultureInfo.InvariantCulture) }, next },
        });
    }

    private static async Task ErrorAsync(HttpContext context, int status, int code, string message, string type)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { message, type, code, error_subcode = code == 190 ? 463 : (int?)null, fbtrace_id = "AbCdEfGh123" } });
    }
}
