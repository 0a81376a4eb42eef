using System.Globalization;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe;
using Stripe.Checkout;

namespace AdPilot.Core.Billing;

/// <summary>
/// Verifies and applies Stripe webhook events. The signature is checked with a 300 s tolerance; paid checkouts are
/// fulfilled through <see cref="BillingService.FulfilAsync"/>, which is idempotent, so replays, reordering and
/// concurrent deliveries credit an order once. Events are recorded after they are applied.
/// </summary>
public sealed class StripeWebhook(
    BillingService billing,
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<PaymentOptions> options,
    TimeProvider clock,
    ILogger<StripeWebhook> logger)
{
    public const int ToleranceSeconds = 300;

    public async Task<WebhookOutcome> HandleAsync(string payload, string? signatureHeader, CancellationToken ct = default)
    {
        Event stripeEvent;
        try
        {
            stripeEvent = EventUtility.ConstructEvent(payload, signatureHeader ?? "", options.Value.WebhookSecret,
                ToleranceSeconds, clock.GetUtcNow().ToUnixTimeSeconds(), throwOnApiVersionMismatch: false);
        }
        catch (Exception ex) when (ex is StripeException or System.Text.Json.JsonException or Newtonsoft.Json.JsonException or ArgumentException)
        {
            logger.LogWarning("Stripe webhook refused: {Reason}", ex.Message);
            throw new ValidationFailedException(new Dictionary<string, string[]> { ["Stripe-Signature"] = ["The signature is missing, invalid or too old."] }, "The webhook signature could not be verified.");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.PaymentEvents.AnyAsync(e => e.EventId == stripeEvent.Id, ct))
            {
                return WebhookOutcome.Duplicate;
            }
        }

        var (orderId, outcome) = await ApplyAsync(stripeEvent, ct);
        await RecordAsync(stripeEvent, orderId, outcome, ct);
        return outcome;
    }

    private async Task<(long? OrderId, WebhookOutcome Outcome)> ApplyAsync(Event stripeEvent, CancellationToken ct)
    {
        if (stripeEvent.Data.Object is not Session session)
        {
            return (null, WebhookOutcome.Ignored);
        }

        var reference = session.ClientReferenceId ?? session.Metadata?.GetValueOrDefault("order_id");
        if (!long.TryParse(reference, NumberStyles.None, CultureInfo.InvariantCulture, out var orderId))
        {
            logger.LogWarning("Stripe event {EventId} names no AdPilot order", stripeEvent.Id);
            return (null, WebhookOutcome.UnknownOrder);
        }

        var outcome = stripeEvent.Type switch
        {
            EventTypes.CheckoutSessionCompleted or EventTypes.CheckoutSessionAsyncPaymentSucceeded when session.PaymentStatus == "paid"
                => await billing.FulfilAsync(orderId, session.AmountTotal ?? -1, session.Currency ?? "", ct),
            EventTypes.CheckoutSessionCompleted => WebhookOutcome.Pending, // delayed payment methods settle later
            EventTypes.CheckoutSessionAsyncPaymentFailed => await billing.MarkUnpaidAsync(orderId, RechargeOrderStatus.Failed, "The payment failed.", ct),
            EventTypes.CheckoutSessionExpired => await billing.MarkUnpaidAsync(orderId, RechargeOrderStatus.Expired, "The checkout expired before payment.", ct),
            _ => WebhookOutcome.Ignored,
        };
        return (orderId, outcome);
    }

    private async Task RecordAsync(Event stripeEvent, long? orderId, WebhookOutcome outcome, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.PaymentEvents.Add(new PaymentEvent
        {
            EventId = stripeEvent.Id, Type = stripeEvent.Type, OrderId = orderId, Outcome = outcome.ToString(), ReceivedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same event delivered concurrently: the other delivery recorded it.
        }
    }
}
