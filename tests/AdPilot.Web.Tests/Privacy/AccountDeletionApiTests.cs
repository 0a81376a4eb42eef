using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.Data;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Web.Tests.Privacy;

public sealed class AccountDeletionApiTests : IAsyncLifetime
{
    private const string Me = "/api/v1/users/me";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
    private AdPilotFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = AdPilotFactory.With(services: s => s.AddSingleton<TimeProvider>(_clock));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DeleteMe_FreshApiSignIn_DeletesTheAccount_AndItsJwtAndPatAreRefusedOnTheNextRequest()
    {
        var api = _app.CreateClient();
        var tokens = await api.SignInAsync("delete-api@example.com");
        var pat = await CreatePatAsync(api);
        var withPat = _app.CreateClient();
        withPat.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pat);
        Assert.Equal(HttpStatusCode.OK, (await withPat.GetAsync(Me)).StatusCode);   // now remembered by this node

        var response = await SendDeleteAsync(api, "DELETE");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("invalid_token", (await (await api.GetAsync(Me)).ProblemAsync()).Code());
        Assert.Equal("invalid_token", (await (await withPat.GetAsync(Me)).ProblemAsync()).Code());
        var refresh = await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Users.AnyAsync(u => u.Email == "delete-api@example.com"));
    }

    [Fact]
    public async Task DeleteMe_Browser_EndsEverySession_AndSigningInAgainStartsANewUserWithTheGift()
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var otherBrowser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.PostDevLoginAsync("delete-cookie@example.com");
        await otherBrowser.PostDevLoginAsync("delete-cookie@example.com");
        var before = await browser.GetFromJsonAsync<JsonElement>(Me);

        Assert.Equal(HttpStatusCode.OK, (await SendDeleteAsync(browser, "DELETE")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await otherBrowser.GetAsync(Me)).StatusCode);
        await browser.PostDevLoginAsync("delete-cookie@example.com");
        var after = await browser.GetFromJsonAsync<JsonElement>(Me);
        Assert.NotEqual(before.GetProperty("id").GetInt64(), after.GetProperty("id").GetInt64());
        var balance = await browser.GetFromJsonAsync<JsonElement>("/api/v1/credits/balance");
        Assert.True(balance.GetProperty("gifted").GetDecimal() > 0);
    }

    [Fact]
    public async Task DeleteMe_StaleSignInWrongWordOrPat_IsRefusedWithItsCode_AndDeletesNothing()
    {
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await browser.PostDevLoginAsync("delete-refused@example.com");
        var api = _app.CreateClient();
        await api.SignInAsync("delete-refused@example.com");
        var withPat = _app.CreateClient();
        withPat.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreatePatAsync(api));

        var wrong = await (await SendDeleteAsync(browser, "delete")).ProblemAsync();
        var byPat = await (await SendDeleteAsync(withPat, "DELETE")).ProblemAsync();
        _clock.Advance(TimeSpan.FromMinutes(11));
        var stale = await (await SendDeleteAsync(browser, "DELETE")).ProblemAsync();
        var staleJwt = await (await SendDeleteAsync(api, "DELETE")).ProblemAsync();

        Assert.Equal(("confirmation_mismatch", 400), (wrong.Code(), wrong.GetProperty("status").GetInt32()));
        Assert.True(wrong.GetProperty("errors").TryGetProperty("confirmation", out _));
        Assert.Equal(("reauthentication_required", 403), (byPat.Code(), byPat.GetProperty("status").GetInt32()));
        Assert.Equal(("reauthentication_required", 403), (stale.Code(), stale.GetProperty("status").GetInt32()));
        Assert.Contains("sign in again", stale.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("reauthentication_required", staleJwt.Code());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Me)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await withPat.GetAsync(Me)).StatusCode);
    }

    private static Task<HttpResponseMessage> SendDeleteAsync(HttpClient client, string word) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, Me) { Content = JsonContent.Create(new { confirmation = word }) });

    private static async Task<string> CreatePatAsync(HttpClient api)
    {
        var created = await (await api.PostAsJsonAsync("/api/v1/users/me/tokens", new { name = "Agent", scopes = new[] { "read", "write" } })).Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("secret").GetString()!;
    }
}
