using System.Globalization;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace AdPilot.Core.Billing;

/// <summary>Stripe Checkout through Stripe.net. The order id is the idempotency key, so a retried create makes one session.</summary>
public sealed class StripeCheckoutGateway(IOptions<PaymentOptions> options, HttpClient http) : IPaymentGateway
{
    public string Name => "stripe";

    public async Task<CheckoutSession> CreateCheckoutAsync(RechargeOrder order, string customerEmail, CancellationToken ct)
    {
        var o = options.Value;
        var client = new StripeClient(apiKey: o.SecretKey, httpClient: new SystemNetHttpClient(http), apiBase: o.ApiBase.TrimEnd('/'));
        var orderId = order.Id.ToString(CultureInfo.InvariantCulture);
        var baseUrl = o.PublicBaseUrl.TrimEnd('/');
        var session = await new SessionService(client).CreateAsync(
            new SessionCreateOptions
            {
                Mode = "payment",
                ClientReferenceId = orderId,
                CustomerEmail = customerEmail,
                Metadata = new Dictionary<string, string> { ["order_id"] = orderId },
                SuccessUrl = $"{baseUrl}/billing/result?orderId={orderId}",
                CancelUrl = $"{baseUrl}/billing/result?orderId={orderId}&cancelled=1",
                LineItems =
                [
                    new SessionLineItemOptions
                    {
                        Quantity = 1,
                        PriceData = new SessionLineItemPriceDataOptions
                        {
                            Currency = order.Currency,
                            UnitAmount = order.MinorUnits,
                            ProductData = new SessionLineItemPriceDataProductDataOptions { Name = $"AdPilot credits: {order.Credits:0.##}" },
                        },
                    },
                ],
            },
            new RequestOptions { IdempotencyKey = $"adpilot-order-{orderId}" },
            ct);
        return new CheckoutSession(session.Id, session.Url);
    }
}
