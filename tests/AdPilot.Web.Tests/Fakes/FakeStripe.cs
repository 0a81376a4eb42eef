using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>
/// A local Stripe API for Checkout Sessions, speaking Stripe's wire format (form-encoded requests, JSON objects,
/// Bearer secret key, Idempotency-Key replay), plus a signer for webhook events using Stripe's real scheme.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_adpilot";
    public const string WebhookSecret = "whsec_adpilot_test";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _byIdempotencyKey = new();

    private FakeStripe(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<IFormCollection> SessionRequests { get; } = new();

    public static async Task<FakeStripe> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeStripe(app);
        app.MapPost("/v1/checkout/sessions", fake.CreateSessionAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Payments:Stripe:SecretKey"] = SecretKey,
        ["Payments:Stripe:WebhookSecret"] = WebhookSecret,
        ["Payments:Stripe:ApiBase"] = BaseUrl,
        ["Payments:Stripe:PublicBaseUrl"] = "https://app.adpilot.example",
    };

    private async Task<IResult> CreateSessionAsync(HttpRequest request)
    {
        if (request.Headers.Authorization != $"Bearer {SecretKey}")
        {
            return Results.Json(new { error = new { type = "invalid_request_error", message = "Invalid API Key provided." } }, statusCode: 401);
        }

        var form = await request.ReadFormAsync();
        var key = request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 0 && _byIdempotencyKey.TryGetValue(key, out var replay))
        {
            return Results.Content(replay, "application/json");
        }

        SessionRequests.Enqueue(form);
        var id = "cs_test_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id,
            ["object"] = "checkout.session",
            ["mode"] = form["mode"].ToString(),
            ["client_reference_id"] = form["client_reference_id"].ToString(),
            ["customer_email"] = form["customer_email"].ToString(),
            ["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"]!, CultureInfo.InvariantCulture),
            ["currency"] = form["line_items[0][price_data][currency]"].ToString(),
            ["payment_status"] = "unpaid",
            ["status"] = "open",
            ["success_url"] = form["success_url"].ToString(),
            ["url"] = $"https://checkout.stripe.com/c/pay/{id}",
            ["metadata"] = new Dictionary<string, string> { ["order_id"] = form["metadata[order_id]"].ToString() },
            ["livemode"] = false,
        });
        if (key.Length > 0)
        {
            _byIdempotencyKey[key] = body;
        }

        return Results.Content(body, "application/json");
    }

    /// <summary>A checkout.session.* event as Stripe sends it.</summary>
    public static string Event(string eventId, string type, long orderId, long amountTotal, string currency = "usd", string paymentStatus = "paid") =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["api_version"] = "2025-09-30.clover",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["data"] = new Dictionary<string, object?>
            {
                ["object"] = new Dictionary<string, object?>
                {
                    ["id"] = "cs_test_" + orderId,
                    ["object"] = "checkout.session",
                    ["client_reference_id"] = orderId.ToString(CultureInfo.InvariantCulture),
                    ["amount_total"] = amountTotal,
                    ["currency"] = currency,
                    ["payment_status"] = paymentStatus,
                    ["status"] = "complete",
                    ["metadata"] = new Dictionary<string, string> { ["order_id"] = orderId.ToString(CultureInfo.InvariantCulture) },
                },
            },
        });

    /// <summary>Stripe's signature header: t=timestamp,v1=HMAC-SHA256(secret, "t.payload").</summary>
    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(signature)}";
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
