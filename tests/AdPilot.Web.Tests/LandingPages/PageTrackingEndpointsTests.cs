using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdPilot.Core.LandingPages;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.LandingPages;

/// <summary>One host for the class (limits high enough not to interfere); every test uses pages of its own.</summary>
public sealed class PageTrackingHost : IAsyncLifetime
{
    public AdPilotFactory App { get; } = AdPilotFactory.With(settings: new Dictionary<string, string?>
    {
        ["LandingPages:EventsPerMinute"] = "100000",
        ["LandingPages:LeadsPerMinute"] = "10000",
    });

    public long Owner { get; private set; }

    public async Task InitializeAsync() => Owner = (await App.SignInAsync("lp-owner@example.com")).Id;

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class PageTrackingEndpointsTests(PageTrackingHost host) : IClassFixture<PageTrackingHost>
{
    private readonly AdPilotFactory _app = host.App;
    private readonly HttpClient _client = host.App.CreateClient();
    private readonly long _owner = host.Owner;


    private static HttpRequestMessage Beacon(string slug, string body, string? userAgent = LandingPageSeed.Browser, string contentType = "text/plain")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, LandingPageRoutes.Events(slug)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return request;
    }

    private static HttpRequestMessage Lead(string slug, Dictionary<string, string> fields, bool json = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, LandingPageRoutes.Leads(slug)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.TryAddWithoutValidation("User-Agent", LandingPageSeed.Browser);
        request.Headers.Accept.ParseAdd(json ? "application/json" : "text/html");
        return request;
    }

    [Fact]
    public async Task Events_ViewAndClick_Are204_CountedWithCorsAndNoCookie()
    {
        var slug = LandingPageSeed.Slug("beacon");
        var page = await LandingPageSeed.PageAsync(_app.Services, _owner, slug);

        var view = await _client.SendAsync(Beacon(slug, "{\"type\":\"view\"}"));
        var click = await _client.SendAsync(Beacon(slug, "{\"type\":\"click\",\"block\":\"cta\"}", contentType: "application/json"));

        Assert.Equal(HttpStatusCode.NoContent, view.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, click.StatusCode);
        Assert.Equal("*", view.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(view.Headers.Contains("Set-Cookie"));
        Assert.Equal((1L, 1L, 0L), await LandingPageSeed.CountsAsync(_app.Services, page));
    }

    [Fact]
    public async Task Events_FromACdnOrigin_AreNotRefusedAsCrossSite()
    {
        var slug = LandingPageSeed.Slug("cdn");
        var page = await LandingPageSeed.PageAsync(_app.Services, _owner, slug);
        var request = Beacon(slug, "{\"type\":\"view\"}");
        request.Headers.Add("Origin", "https://cdn.example.net");
        request.Headers.Add("Sec-Fetch-Site", "cross-site");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal((1L, 0L, 0L), await LandingPageSeed.CountsAsync(_app.Services, page));
    }

    [Fact]
    public async Task Events_BotsUnknownPagesAndOtherBlocks_Are204_AndNotCounted()
    {
        var slug = LandingPageSeed.Slug("quiet");
        var page = await LandingPageSeed.PageAsync(_app.Services, _owner, slug);

        HttpRequestMessage[] requests =
        [
            Beacon(slug, "{\"type\":\"view\"}", userAgent: null),
            Beacon(slug, "{\"type\":\"view\"}", userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1)"),
            Beacon(slug, "{\"type\":\"view\"}", userAgent: "Mozilla/5.0 AppleWebKit/537.36 HeadlessChrome/131.0.0.0 Safari/537.36"),
            Beacon(slug, "{\"type\":\"click\",\"block\":\"heading\"}"),
            Beacon("no-such-page", "{\"type\":\"view\"}"),
        ];
        foreach (var request in requests)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(request)).StatusCode);
        }

        Assert.Equal((0L, 0L, 0L), await LandingPageSeed.CountsAsync(_app.Services, page));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"click\"}")]
    [InlineData("{\"type\":\"purchase\"}")]
    [InlineData("{\"type\":\"click\",\"block\":42}")]
    [InlineData("{\"type\":\"view\",\"block\":\"" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}")]
    public async Task Events_MalformedBody_Is400Problem(string body)
    {
        var slug = LandingPageSeed.Slug("strict");
        await LandingPageSeed.PageAsync(_app.Services, _owner, slug);

        var response = await _client.SendAsync(Beacon(slug, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_event", (await response.ProblemAsync()).Code());
    }

    [Fact]
    public async Task Events_OversizeOrWrongType_AreRefused()
    {
        var slug = LandingPageSeed.Slug("strict");
        var big = await _client.SendAsync(Beacon(slug, "{\"type\":\"view\",\"pad\":\"" + new string('x', 1_100) + "\"}"));
        var xml = await _client.SendAsync(Beacon(slug, "<view/>", contentType: "application/xml"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal("payload_too_large", (await big.ProblemAsync()).Code());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
    }

    [Fact]
    public async Task Options_AnswersThePreflight()
    {
        var request = new HttpRequestMessage(HttpMethod.Options, LandingPageRoutes.Events("any-page"));
        request.Headers.Add("Origin", "https://cdn.example.net");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leads_Json_StoresTheLead_AndAnswersTheSuccessMessage()
    {
        var slug = LandingPageSeed.Slug("lead");
        var page = await LandingPageSeed.PageAsync(_app.Services, _owner, slug, LandingPageSeed.Document(successMessage: "See you soon!"));

        var response = await _client.SendAsync(Lead(slug, new() { ["name"] = "Ada", ["email"] = "ada@example.com", ["extra"] = "ignored", [LandingPageRoutes.HoneypotField] = "" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("See you soon!", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var lead = Assert.Single((await Tracking().ListLeadsAsync(_owner, page, 1, 20)).Items);
        Assert.Equal(["email", "name"], lead.Fields.Keys.Order());
        Assert.Equal((0L, 0L, 1L), await LandingPageSeed.CountsAsync(_app.Services, page));
    }

    [Fact]
    public async Task Leads_Json_InvalidFields_Is400WithFieldErrors()
    {
        var slug = LandingPageSeed.Slug("check");
        await LandingPageSeed.PageAsync(_app.Services, _owner, slug);

        var response = await _client.SendAsync(Lead(slug, new() { ["name"] = "", ["email"] = "nope" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("validation_failed", problem.Code());
        Assert.Equal(["email", "name"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Leads_UnknownOrUnpublishedPage_Is404()
    {
        var slug = LandingPageSeed.Slug("draft-lead");
        await LandingPageSeed.PageAsync(_app.Services, _owner, slug, published: false);

        var draft = await _client.SendAsync(Lead(slug, new() { ["name"] = "Ada", ["email"] = "ada@example.com" }));
        var unknown = await _client.SendAsync(Lead("nothing-here", new() { ["name"] = "Ada" }));

        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.Equal("not_found", (await draft.ProblemAsync()).Code());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Leads_FilledHoneypot_LooksLikeSuccess_ButStoresNothing()
    {
        var slug = LandingPageSeed.Slug("trap");
        var page = await LandingPageSeed.PageAsync(_app.Services, _owner, slug);

        var response = await _client.SendAsync(Lead(slug, new() { ["name"] = "Bot", ["email"] = "bot@example.com", [LandingPageRoutes.HoneypotField] = "http://spam" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString()));
        Assert.Equal(0, (await Tracking().ListLeadsAsync(_owner, page, 1, 20)).Total);
    }

    [Fact]
    public async Task Leads_PlainFormPost_AnswersAThankYouPageInThePagesLanguage_Escaped()
    {
        var slug = LandingPageSeed.Slug("zh");
        await LandingPageSeed.PageAsync(_app.Services, _owner, slug, LandingPageSeed.Document("zh-CN", "<script>alert(1)</script>谢谢"));

        var response = await _client.SendAsync(Lead(slug, new() { ["name"] = "Ada", ["email"] = "ada@example.com" }, json: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;谢谢", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"<a href=\"/p/{slug}\">返回页面</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leads_PlainFormPost_Invalid_AnswersAnErrorPageWithTheMessages()
    {
        var slug = LandingPageSeed.Slug("form");
        await LandingPageSeed.PageAsync(_app.Services, _owner, slug);

        var response = await _client.SendAsync(Lead(slug, new() { ["name"] = "Ada", ["email"] = "<b>bad</b>" }, json: false));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("E-mail must be an e-mail address", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/p/{slug}\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leads_MultipartForm_IsAccepted_AndOversizeIs413()
    {
        var slug = LandingPageSeed.Slug("multi");
        var page = await LandingPageSeed.PageAsync(_app.Services, _owner, slug);
        using var multipart = new MultipartFormDataContent { { new StringContent("Ada"), "name" }, { new StringContent("ada@example.com"), "email" } };
        var request = new HttpRequestMessage(HttpMethod.Post, LandingPageRoutes.Leads(slug)) { Content = multipart };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var accepted = await _client.SendAsync(request);
        var oversize = await _client.SendAsync(Lead(slug, new() { ["name"] = new string('x', 20_000), ["email"] = "ada@example.com" }));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversize.StatusCode);
        Assert.Equal(1, (await Tracking().ListLeadsAsync(_owner, page, 1, 20)).Total);
    }

    private LandingPageTracking Tracking() => (LandingPageTracking)_app.Services.GetService(typeof(LandingPageTracking))!;
}
