using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Identity;
using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Billing;

public sealed class CreditsApiTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    [Fact]
    public async Task NewUser_HasTheSignupGiftInTheGiftedBucket()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("gifted@example.com");

        var balance = await client.GetFromJsonAsync<JsonElement>("/api/v1/credits/balance");
        var history = await client.GetFromJsonAsync<JsonElement>("/api/v1/credits/transactions");

        Assert.Equal((100m, 100m, 0m), (balance.GetProperty("total").GetDecimal(), balance.GetProperty("gifted").GetDecimal(), balance.GetProperty("purchased").GetDecimal()));
        Assert.Equal(("ok", 50m, 10m), (balance.GetProperty("level").GetString(), balance.GetProperty("lowBalanceThreshold").GetDecimal(), balance.GetProperty("criticalBalanceThreshold").GetDecimal()));
        var gift = Assert.Single(history.GetProperty("items").EnumerateArray());
        Assert.Equal("gift", gift.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Packages_AreListedWithUnitPriceAndDiscount()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("shopper@example.com");

        var packages = await client.GetFromJsonAsync<JsonElement>("/api/v1/credits/packages");

        Assert.Equal(["starter", "growth", "pro", "agency"], packages.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(23, packages[3].GetProperty("discountPercent").GetInt32());
    }

    [Fact]
    public async Task Estimate_PricesAnOperation_AndNamesBadFields()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("estimate@example.com");

        var ok = await client.PostAsJsonAsync("/api/v1/credits/estimate", new { operation = "chat_message", model = "gpt-4o-mini", inputTokens = 1000, outputTokens = 1000 });
        var bad = await client.PostAsJsonAsync("/api/v1/credits/estimate", new { operation = "mine_bitcoin" });

        Assert.Equal(1.25m, (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("credits").GetDecimal());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("operation", out _));
    }

    [Fact]
    public async Task Transactions_GroupByDay_AndCsvExport()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("csv@example.com");

        var days = await client.GetFromJsonAsync<JsonElement>("/api/v1/credits/transactions?groupBy=day");
        var csv = await client.GetAsync("/api/v1/credits/transactions/export");

        Assert.Equal(100m, Assert.Single(days.EnumerateArray()).GetProperty("added").GetDecimal());
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("time_utc,type,amount", lines[0], StringComparison.Ordinal);
        Assert.Contains(",gift,100,100,0,100,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertThreshold_Invalid_IsAFieldError()
    {
        var client = factory.CreateClient();
        await client.SignInAsync("threshold@example.com");

        var bad = await client.PutAsJsonAsync("/api/v1/credits/alert-threshold", new { lowBalanceThreshold = -5 });
        var ok = await client.PutAsJsonAsync("/api/v1/credits/alert-threshold", new { lowBalanceThreshold = 150 });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("lowBalanceThreshold", out _));
        Assert.Equal("low", (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("level").GetString());
    }

    [Fact]
    public async Task AdminCreditConfig_OnlyForAdmins_AndChangesAreLogged()
    {
        var user = factory.CreateClient();
        await user.SignInAsync("plain@example.com");
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/admin/credit-config")).StatusCode);

        var admin = factory.CreateClient();
        await admin.SignInAsync("root@example.com");
        var config = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/credit-config");
        var settings = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(config.GetProperty("settings").GetRawText())!;
        settings["signupGift"] = JsonSerializer.SerializeToElement(25);

        var updated = await admin.PutAsJsonAsync("/api/v1/admin/credit-config", settings);
        var invalid = await admin.PutAsJsonAsync("/api/v1/admin/credit-config", new Dictionary<string, object>(settings.ToDictionary(k => k.Key, k => (object)k.Value)) { ["criticalBalanceThreshold"] = 999 });

        updated.EnsureSuccessStatusCode();
        Assert.Equal(config.GetProperty("version").GetInt32() + 1, (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/credit-config/history");
        var change = history.GetProperty("items").EnumerateArray().First(c => c.GetProperty("field").GetString() == "signupGift");
        Assert.Equal(("root@example.com", "25"), (change.GetProperty("adminEmail").GetString(), change.GetProperty("newValue").GetString()));

        // Restore, so other tests in this class keep the default gift.
        settings["signupGift"] = JsonSerializer.SerializeToElement(100);
        (await admin.PutAsJsonAsync("/api/v1/admin/credit-config", settings)).EnsureSuccessStatusCode();
    }
}
