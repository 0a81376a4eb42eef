using System.Net;
using System.Net.Http.Headers;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Storage;
using AdPilot.Web.Tests.Api.Fuzz;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.LandingPages;

/// <summary>P21 through the real host: publish → /p/{slug} (local store) or the bucket (S3); republish; unpublish → 404.</summary>
public sealed class PublicPageTests
{
    [Fact]
    public async Task PublicPage_LocalStore_PublishRepublishUnpublish()
    {
        var cdn = new RecordingCdnInvalidator();
        await using var app = AdPilotFactory.With(settings: new Dictionary<string, string?> { ["LandingPages:MaxAgeSeconds"] = "120" },
            services: s => s.AddSingleton<ICdnInvalidator>(cdn));
        var client = app.CreateClient();
        var (pages, publisher, user) = await PagesAsync(app, "public-local@example.com");
        var page = await pages.CreateAsync(user, new CreateLandingPageRequest { Name = "Local launch", Document = Document("First headline") });
        await publisher.PublishAsync(user, page.Id);

        var first = await client.GetAsync("/p/local-launch");
        var html = await first.Content.ReadAsStringAsync();
        var etag = first.Headers.ETag!;
        var notModified = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/p/local-launch") { Headers = { IfNoneMatch = { etag } } });
        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/p/local-launch"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/html; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        Assert.False(etag.IsWeak);
        Assert.Equal("public, max-age=120", first.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", first.Headers.GetValues("Referrer-Policy").Single());
        var policy = first.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("nonce-", policy);
        // Served on AdPilot's origin: the header alone allows no script but the renderer's own.
        Assert.Contains($"script-src {AdPilot.Core.LandingPages.PageScript.Hash};", policy);
        Assert.Contains("First headline", html);
        Assert.Contains("action=\"/p/local-launch/leads\"", html);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal((HttpStatusCode.OK, (long)System.Text.Encoding.UTF8.GetByteCount(html)), (head.StatusCode, head.Content.Headers.ContentLength!.Value));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        await pages.UpdateAsync(user, page.Id, new UpdateLandingPageRequest { Document = Document("Second headline") });
        await publisher.PublishAsync(user, page.Id);
        var second = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/p/local-launch") { Headers = { IfNoneMatch = { etag } } });

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Second headline", await second.Content.ReadAsStringAsync());
        Assert.NotEqual(etag, second.Headers.ETag);
        Assert.Equal(["pages/local-launch/index.html"], cdn.Keys);

        await publisher.UnpublishAsync(user, page.Id);
        var gone = await client.GetAsync("/p/local-launch");

        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("text/html; charset=utf-8", gone.Content.Headers.ContentType!.ToString());
        var body = await gone.Content.ReadAsStringAsync();
        Assert.Contains("no longer published", body);
        Assert.DoesNotContain("blazor", body, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["pages/local-launch/index.html", "pages/local-launch/index.html"], cdn.Keys);
    }

    /// <summary>The published page's own form and beacon, used as a browser would (with and without its script), reach tracking.</summary>
    [Fact]
    public async Task PublicPage_ItsFormAndBeacon_AsABrowserUsesThem_AreCounted()
    {
        await using var app = AdPilotFactory.With(settings: new Dictionary<string, string?> { ["LandingPages:LeadsPerMinute"] = "100" });
        var client = app.CreateClient();
        var (pages, publisher, user) = await PagesAsync(app, "public-form@example.com");
        var page = await pages.CreateAsync(user, new CreateLandingPageRequest { Name = "Form page", Document = Document("Form headline") });
        await publisher.PublishAsync(user, page.Id);
        var dom = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync("/p/form-page"));
        var form = dom.QuerySelector("form")!;
        var events = dom.Body!.GetAttribute("data-events")!;
        var cta = dom.QuerySelector("[data-cta]")!.GetAttribute("data-cta")!;

        HttpRequestMessage Post(string url, HttpContent content, string accept)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            request.Headers.TryAddWithoutValidation("User-Agent", LandingPageSeed.Browser);
            request.Headers.Accept.ParseAdd(accept);
            return request;
        }

        var fields = form.QuerySelectorAll("input, textarea").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("type") == "email" ? "ana@example.com" : "");
        var withoutScript = await client.SendAsync(Post(form.GetAttribute("action")!, new FormUrlEncodedContent(fields), "text/html"));
        var withScript = await client.SendAsync(Post(form.GetAttribute("action")!, new FormUrlEncodedContent(fields), "application/json"));
        var view = await client.SendAsync(Post(events, new StringContent("{\"type\":\"view\"}", System.Text.Encoding.UTF8, "text/plain"), "*/*"));
        var click = await client.SendAsync(Post(events, new StringContent($"{{\"type\":\"click\",\"block\":\"{cta}\"}}", System.Text.Encoding.UTF8, "text/plain"), "*/*"));
        var tracking = app.Services.GetRequiredService<LandingPageTracking>();
        var stats = await tracking.GetStatsAsync(user, page.Id, DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)), DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)));

        Assert.True(withoutScript.IsSuccessStatusCode, $"{withoutScript.StatusCode}: {await withoutScript.Content.ReadAsStringAsync()}");
        Assert.True(withScript.IsSuccessStatusCode, $"{withScript.StatusCode}: {await withScript.Content.ReadAsStringAsync()}");
        Assert.True(view.IsSuccessStatusCode && click.IsSuccessStatusCode);
        Assert.Equal((1L, 1L, 2L), (stats.Totals.Views, stats.Totals.Clicks, stats.Totals.Leads));
        Assert.Equal(2, (await tracking.ListLeadsAsync(user, page.Id, 1, 10)).Total);
    }

    [Theory]
    [InlineData("/p/never-published")]
    [InlineData("/p/Bad_Slug")]
    [InlineData("/p/a")]
    [InlineData("/p/..%2F..%2Fetc")]
    public async Task PublicPage_UnknownOrInvalidSlug_IsAPlain404(string path)
    {
        await using var app = new AdPilotFactory();

        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no longer published", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PublicPage_HostileSlugs_NeverAnswer5xx_Or200()
    {
        await using var app = new AdPilotFactory();
        var client = app.CreateClient();
        var failures = new List<string>();

        // NUL in a path never reaches an endpoint (Kestrel answers 400; the test host cannot even build the request).
        foreach (var value in HostileValues.Query(SchemaKind.String).Append("%2F..%2F..%2Fetc%2Fpasswd").Append(new string('a', 61))
            .Where(v => !v.Contains('\0', StringComparison.Ordinal) && !v.Contains("%00", StringComparison.Ordinal)))
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, "/p/" + value));
                if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.OK)
                {
                    failures.Add($"{(int)response.StatusCode} from {method} /p/{value}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [S3Fact]
    public async Task PublicPage_S3_TheBucketServesTheHtml_RepublishInvalidates_UnpublishDeletes()
    {
        var cdn = new RecordingCdnInvalidator();
        var settings = RealServers.S3Settings();
        settings["LandingPages:PublicBaseUrl"] = "https://app.example.com";
        await using var app = AdPilotFactory.With(settings: settings, services: s => s.AddSingleton<ICdnInvalidator>(cdn));
        using var plain = new HttpClient();
        var (pages, publisher, user) = await PagesAsync(app, "public-s3@example.com");
        var slug = "s3-" + Guid.NewGuid().ToString("N")[..12];
        var page = await pages.CreateAsync(user, new CreateLandingPageRequest { Name = "S3 launch", Slug = slug, Document = Document("Bucket headline") });

        var published = await publisher.PublishAsync(user, page.Id);
        var fromBucket = await plain.GetAsync(published.PublishedUrl);

        Assert.StartsWith(RealServers.S3!, published.PublishedUrl, StringComparison.Ordinal);
        Assert.EndsWith($"pages/{slug}/index.html", published.PublishedUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, fromBucket.StatusCode);
        Assert.Equal("text/html", fromBucket.Content.Headers.ContentType!.MediaType);
        var html = await fromBucket.Content.ReadAsStringAsync();
        Assert.Contains("Bucket headline", html);
        Assert.Contains($"action=\"https://app.example.com/p/{slug}/leads\"", html);

        await pages.UpdateAsync(user, page.Id, new UpdateLandingPageRequest { Document = Document("Fresh headline") });
        await publisher.PublishAsync(user, page.Id);

        Assert.Contains("Fresh headline", await plain.GetStringAsync(published.PublishedUrl));
        Assert.Contains("Fresh headline", await app.CreateClient().GetStringAsync($"/p/{slug}"));
        Assert.Equal([$"pages/{slug}/index.html"], cdn.Keys);

        await publisher.UnpublishAsync(user, page.Id);

        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync(published.PublishedUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/p/{slug}")).StatusCode);
        Assert.Equal(2, cdn.Keys.Count);
    }

    private static async Task<(LandingPageService Pages, LandingPagePublisher Publisher, long User)> PagesAsync(AdPilotFactory app, string email)
    {
        var user = await app.SignInAsync(email);
        return (app.Services.GetRequiredService<LandingPageService>(), app.Services.GetRequiredService<LandingPagePublisher>(), user.Id);
    }

    private static LandingPageDocument Document(string headline) => new()
    {
        Blocks =
        [
            new PageBlock { Id = "hero", Type = BlockType.Hero, Title = headline, ButtonLabel = "Sign up", ButtonUrl = "#form" },
            new PageBlock { Id = "signup", Type = BlockType.LeadForm, Fields = [new FormField { Name = "email", Label = "Email", Type = FormFieldType.Email, Required = true }] },
            new PageBlock { Id = "footer", Type = BlockType.Footer, Html = "<p>© Acme</p>" },
        ],
    };

    private sealed class RecordingCdnInvalidator : ICdnInvalidator
    {
        private readonly List<string> _keys = [];

        public IReadOnlyList<string> Keys
        {
            get
            {
                lock (_keys)
                {
                    return [.. _keys];
                }
            }
        }

        public Task InvalidateAsync(IReadOnlyCollection<string> keys, CancellationToken ct = default)
        {
            lock (_keys)
            {
                _keys.AddRange(keys);
            }

            return Task.CompletedTask;
        }
    }
}
