using AdPilot.Core.Billing;
using AdPilot.Web.Api.RateLimiting;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Billing;

internal static class BillingApi
{
    public static void MapBillingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/billing").WithTags("Billing");
        group.MapPost("/recharge-orders", CreateOrder).RequireAuthorization();
        group.MapGet("/recharge-orders", ListOrders).RequireAuthorization();
        group.MapGet("/recharge-orders/{id:long}", GetOrder).RequireAuthorization();
        group.MapPost("/stripe/webhook", StripeWebhookAsync).AllowAnonymous().ExcludeFromDescription().WithMetadata(new DisableApiRateLimit());
    }

    private static async Task<Created<RechargeOrderView>> CreateOrder(CreateRechargeOrderRequest request, HttpContext http, BillingService billing, CancellationToken ct)
    {
        var order = await billing.CreateOrderAsync(http.User.UserId(), request, ct);
        return TypedResults.Created($"/api/v1/billing/recharge-orders/{order.OrderId}", order);
    }

    private static async Task<Ok<IReadOnlyList<RechargeOrderView>>> ListOrders(HttpContext http, BillingService billing, CancellationToken ct) =>
        TypedResults.Ok(await billing.RecentOrdersAsync(http.User.UserId(), 20, ct));

    private static async Task<Ok<RechargeOrderView>> GetOrder(long id, HttpContext http, BillingService billing, CancellationToken ct) =>
        TypedResults.Ok(await billing.GetOrderAsync(http.User.UserId(), id, ct));

    /// <summary>Stripe's deliveries: verified by signature, not by a session; any verified event is answered 200.</summary>
    private static async Task<Ok<WebhookReceipt>> StripeWebhookAsync(HttpRequest request, StripeWebhook webhook, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var payload = await reader.ReadToEndAsync(ct);
        var outcome = await webhook.HandleAsync(payload, request.Headers["Stripe-Signature"], ct);
        return TypedResults.Ok(new WebhookReceipt(true, outcome));
    }
}

public sealed record WebhookReceipt(bool Received, WebhookOutcome Outcome);
