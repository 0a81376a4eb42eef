using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AdPilot.Core.Data;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Billing;

/// <summary>Recharge through Stripe.net against a local fake Stripe, and the webhook with real signatures.</summary>
public sealed class StripeBillingTests : IAsyncLifetime
{
    private FakeStripe _stripe = null!;
    private AdPilotFactory _app = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripe.StartAsync();
        _app = AdPilotFactory.With(settings: _stripe.Settings());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _stripe.DisposeAsync();
    }

    [Fact]
    public async Task RechargeOrder_CreatesACheckoutSessionWithTheOrderAsIdempotencyKey()
    {
        var client = _app.CreateClient();
        await client.SignInAsync("buyer@example.com");

        var response = await client.PostAsJsonAsync("/api/v1/billing/recharge-orders", new { packageId = "growth" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("https://checkout.stripe.com/c/pay/cs_test_", order.GetProperty("checkoutUrl").GetString(), StringComparison.Ordinal);
        Assert.Equal("pending", order.GetProperty("status").GetString());
        var sent = Assert.Single(_stripe.SessionRequests);
        Assert.Equal("4499", sent["line_items[0][price_data][unit_amount]"]);
        Assert.Equal(order.GetProperty("orderId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), sent["client_reference_id"]);
        Assert.Equal("buyer@example.com", sent["customer_email"]);
    }

    [Fact]
    public async Task Webhook_Replayed50TimesConcurrently_CreditsOnce()
    {
        var (client, orderId) = await OrderAsync("replay@example.com", "pro");
        var payload = FakeStripe.Event("evt_replay", "checkout.session.completed", orderId, 9999);

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => PostWebhookAsync(payload, FakeStripe.Sign(payload, DateTimeOffset.UtcNow))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var balance = await client.GetFromJsonAsync<JsonElement>("/api/v1/credits/balance");
        Assert.Equal(1200m + 100m, balance.GetProperty("total").GetDecimal()); // the package plus the signup gift
        Assert.Equal(1200m, balance.GetProperty("purchased").GetDecimal());
        var order = await client.GetFromJsonAsync<JsonElement>($"/api/v1/billing/recharge-orders/{orderId}");
        Assert.Equal("paid", order.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Webhook_OutOfOrderAndDifferentEventsForOneOrder_CreditOnce()
    {
        var (client, orderId) = await OrderAsync("async@example.com", "starter");
        var succeeded = FakeStripe.Event("evt_async_ok", "checkout.session.async_payment_succeeded", orderId, 999);
        var completedLate = FakeStripe.Event("evt_completed", "checkout.session.completed", orderId, 999);
        var expiredLate = FakeStripe.Event("evt_expired", "checkout.session.expired", orderId, 999, paymentStatus: "unpaid");

        foreach (var payload in new[] { succeeded, completedLate, expiredLate })
        {
            Assert.Equal(HttpStatusCode.OK, (await PostWebhookAsync(payload, FakeStripe.Sign(payload, DateTimeOffset.UtcNow))).StatusCode);
        }

        var balance = await client.GetFromJsonAsync<JsonElement>("/api/v1/credits/balance");
        Assert.Equal(100m, balance.GetProperty("purchased").GetDecimal());
        Assert.Equal("paid", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/billing/recharge-orders/{orderId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Webhook_CompletedButUnpaid_WaitsThenAsyncFailureMarksTheOrderFailed()
    {
        var (client, orderId) = await OrderAsync("pending@example.com", "starter");
        var completed = FakeStripe.Event("evt_unpaid", "checkout.session.completed", orderId, 999, paymentStatus: "unpaid");
        var failed = FakeStripe.Event("evt_failed", "checkout.session.async_payment_failed", orderId, 999, paymentStatus: "unpaid");

        await PostWebhookAsync(completed, FakeStripe.Sign(completed, DateTimeOffset.UtcNow));
        Assert.Equal("pending", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/billing/recharge-orders/{orderId}")).GetProperty("status").GetString());
        await PostWebhookAsync(failed, FakeStripe.Sign(failed, DateTimeOffset.UtcNow));

        Assert.Equal("failed", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/billing/recharge-orders/{orderId}")).GetProperty("status").GetString());
        Assert.Equal(0m, (await client.GetFromJsonAsync<JsonElement>("/api/v1/credits/balance")).GetProperty("purchased").GetDecimal());
    }

    public static TheoryData<string> BadSignatures() => ["wrong-secret", "expired", "missing", "tampered"];

    [Theory]
    [MemberData(nameof(BadSignatures))]
    public async Task Webhook_BadSignature_Is400AndCreditsNothing(string kind)
    {
        var (client, orderId) = await OrderAsync($"sig-{kind}@example.com", "starter");
        var payload = FakeStripe.Event($"evt_{kind}", "checkout.session.completed", orderId, 999);
        var (body, signature) = kind switch
        {
            "wrong-secret" => (payload, FakeStripe.Sign(payload, DateTimeOffset.UtcNow, "whsec_someone_else")),
            "expired" => (payload, FakeStripe.Sign(payload, DateTimeOffset.UtcNow.AddSeconds(-301))),
            "missing" => (payload, (string?)null),
            _ => (payload.Replace("\"amount_total\":999", "\"amount_total\":1", StringComparison.Ordinal), FakeStripe.Sign(payload, DateTimeOffset.UtcNow)),
        };

        var response = await PostWebhookAsync(body, signature);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation_failed", (await response.ProblemAsync()).Code());
        Assert.Equal(0m, (await client.GetFromJsonAsync<JsonElement>("/api/v1/credits/balance")).GetProperty("purchased").GetDecimal());
    }

    [Fact]
    public async Task Webhook_UnknownOrder_IsAcknowledgedAndCreditsNothing()
    {
        var payload = FakeStripe.Event("evt_unknown", "checkout.session.completed", 424242, 999);

        var response = await PostWebhookAsync(payload, FakeStripe.Sign(payload, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unknown_order", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.CreditTransactions.AnyAsync(t => t.Type == AdPilot.Core.Credits.CreditTransactionType.Recharge));
    }

    [Fact]
    public async Task Webhook_WrongAmount_CreditsNothing()
    {
        var (client, orderId) = await OrderAsync("cheap@example.com", "agency");
        var payload = FakeStripe.Event("evt_cheap", "checkout.session.completed", orderId, 100);

        var response = await PostWebhookAsync(payload, FakeStripe.Sign(payload, DateTimeOffset.UtcNow));

        Assert.Equal("amount_mismatch", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(0m, (await client.GetFromJsonAsync<JsonElement>("/api/v1/credits/balance")).GetProperty("purchased").GetDecimal());
    }

    [Fact]
    public async Task Orders_OfAnotherUser_Are404()
    {
        var (_, orderId) = await OrderAsync("mine@example.com", "starter");
        var intruder = _app.CreateClient();
        await intruder.SignInAsync("intruder@example.com");

        var response = await intruder.GetAsync($"/api/v1/billing/recharge-orders/{orderId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await response.ProblemAsync()).Code());
    }

    private async Task<(HttpClient Client, long OrderId)> OrderAsync(string email, string package)
    {
        var client = _app.CreateClient();
        await client.SignInAsync(email);
        var response = await client.PostAsJsonAsync("/api/v1/billing/recharge-orders", new { packageId = package });
        response.EnsureSuccessStatusCode();
        return (client, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderId").GetInt64());
    }

    private Task<HttpResponseMessage> PostWebhookAsync(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/stripe/webhook") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return _app.CreateClient().SendAsync(request);
    }
}
