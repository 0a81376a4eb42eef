using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AdPilot.Web.Tests.Api.Fuzz;

/// <summary>
/// Every operation of the OpenAPI document, fed hostile values per field type, must never answer 5xx. Everything comes
/// from the document (paths, parameters, request body schemas), so a route added later is fuzzed without touching this
/// test. Deterministic: fixed seed, fixed order, one shared host, a bounded number of cases per operation.
/// </summary>
public sealed class OpenApiFuzzTests(FuzzWorld world, ITestOutputHelper output) : IClassFixture<FuzzWorld>
{
    /// <summary>
    /// API routes the document leaves out on purpose, and why. They are not fuzzed from the document; the Stripe webhook
    /// gets its own hostile cases below (it is called by Stripe with a signature, not by API clients).
    /// </summary>
    private static readonly Dictionary<string, string> NotDescribed = new()
    {
        ["/api/v1/billing/stripe/webhook"] = "Stripe's deliveries: signed by Stripe, not part of the client API.",
    };

    [Fact]
    public Task EveryOperation_HostileInput_NeverAnswers5xx() => FuzzRun.AssertNo5xxAsync(world, output);

    [Fact]
    public async Task EveryApiRoute_IsInTheOpenApiDocument_OrListedWithAReason()
    {
        var document = await world.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var described = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        var routes = world.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => p.StartsWith("/api/", StringComparison.Ordinal))
            .Select(p => System.Text.RegularExpressions.Regex.Replace(p, "{([^:}]+)(:[^}]+)?}", "{$1}").TrimEnd('/'))
            .ToHashSet();

        var unknown = routes.Where(r => !described.Contains(r) && !NotDescribed.ContainsKey(r)).ToList();
        Assert.True(unknown.Count == 0, $"Describe these routes in the OpenAPI document (so the fuzzer covers them) or list them in NotDescribed: {string.Join(", ", unknown)}");
    }

    /// <summary>The browser's routes outside /api (redirects and form posts, not in the document): no 5xx, and only local, ASCII redirects.</summary>
    [Fact]
    public async Task BrowserRoutes_HostileInput_NeverAnswers5xx_AndRedirectOnlyWhereTheyMay()
    {
        string[] values = [.. HostileValues.Query(SchemaKind.String), .. HostileValues.Query(SchemaKind.String).Select(v => "%2F" + v), "%2F%2Fevil.example", "%2F%5Cevil.example", "javascript:alert(1)", "https%3A%2F%2Fevil.example%2F", "%2Fok%00", "%2F%ED%A0%80"];
        var browser = world.CreateBrowser();
        await browser.PostDevLoginAsync($"browser-{Guid.NewGuid():N}@example.com");
        var connect = await (await browser.PostAsync("/api/v1/ad-accounts/connect/simulated", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = CookieSignIn.AntiforgeryToken(await browser.GetStringAsync(new Uri(connect.GetProperty("authorizeUrl").GetString()!).PathAndQuery));
        var failures = new List<string>();
        foreach (var value in values)
        {
            var text = Uri.UnescapeDataString(value.Replace("%00", "", StringComparison.Ordinal));
            await CheckAsync($"culture/set returnUrl={value}", browser.GetAsync($"/culture/set?culture=en&returnUrl={value}"));
            await CheckAsync($"culture/set culture={value}", browser.GetAsync($"/culture/set?culture={value}&returnUrl=%2F"));
            await CheckAsync($"auth/google returnUrl={value}", world.CreateBrowser().GetAsync($"/auth/google?returnUrl={value}"));
            await CheckAsync($"auth/dev-login returnUrl={value}", world.CreateBrowser().PostDevLoginAsync("hostile@example.com", text));
            await CheckAsync($"auth/dev-login email={value}", world.CreateBrowser().PostDevLoginAsync(text, "/"));
            foreach (var field in new[] { "redirect_uri", "state", "code_challenge", "decision" })
            {
                var form = new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["redirect_uri"] = "http://localhost/api/v1/ad-accounts/callback/simulated",
                    ["state"] = "s", ["code_challenge"] = "c", ["decision"] = "allow", [field] = text,
                };
                await CheckAsync($"simulated consent {field}={value}", browser.PostAsync("/simulated-platform/authorize", new FormUrlEncodedContent(form)));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        async Task CheckAsync(string what, Task<HttpResponseMessage> send)
        {
            var response = await send;
            var location = response.Headers.Location?.OriginalString;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} from {what}");
            }
            else if (location is not null && !location.All(char.IsAscii))
            {
                failures.Add($"non-ASCII redirect from {what}: {location}");
            }
            else if (location is not null && !what.StartsWith("simulated", StringComparison.Ordinal) && !what.StartsWith("auth/google", StringComparison.Ordinal)
                && !(location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal)))
            {
                failures.Add($"redirect off the site from {what}: {location}");
            }
        }
    }

    [Fact]
    public async Task StripeWebhook_HostileInput_NeverAnswers5xx()
    {
        string[] bodies = ["", "null", "{", "[]", "{\"id\":null,\"type\":42}", new string('x', 100_000), "{\"data\":{\"object\":null}}"];
        string?[] signatures = [null, "", "garbage", "t=0,v1=00", "t=99999999999999999999,v1=zz", "t=1700000000,v1=" + new string('a', 64)];
        var failures = new List<string>();
        foreach (var body in bodies)
        {
            foreach (var signature in signatures)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/stripe/webhook") { Content = new StringContent(body) };
                if (signature is not null)
                {
                    request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
                }

                var response = await world.Client.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(int)response.StatusCode}: signature {signature}, body {body[..Math.Min(body.Length, 60)]}");
                }
            }
        }

        Assert.Empty(failures);
    }
}

/// <summary>The same fuzzing on MariaDB, where a value too long for its column is an error (SQLite stores it anyway).</summary>
public sealed class OpenApiFuzzMariaDbTests(MariaDbFuzzWorld world, ITestOutputHelper output) : IClassFixture<MariaDbFuzzWorld>
{
    [RealServersFact]
    public Task EveryOperation_HostileInput_NeverAnswers5xx_OnMariaDb() => FuzzRun.AssertNo5xxAsync(world, output);
}
