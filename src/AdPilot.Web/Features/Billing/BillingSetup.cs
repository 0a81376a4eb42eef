using AdPilot.Core.Billing;

namespace AdPilot.Web.Features.Billing;

internal static class BillingSetup
{
    /// <summary>Stripe when a secret key is configured; otherwise the simulated checkout, which exists only in Development.</summary>
    public static void AddBilling(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(PaymentOptions.Section);
        builder.Services.AddOptions<PaymentOptions>().Bind(section)
            .Validate(o => !o.IsStripe || !string.IsNullOrWhiteSpace(o.WebhookSecret), "Payments:Stripe:WebhookSecret is required when Payments:Stripe:SecretKey is set.")
            .ValidateOnStart();
        if (section.Get<PaymentOptions>() is { IsStripe: true })
        {
            builder.Services.AddHttpClient<IPaymentGateway, StripeCheckoutGateway>(c => c.Timeout = TimeSpan.FromSeconds(30));
        }
        else if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddSingleton<IPaymentGateway, SimulatedCheckoutGateway>();
        }
        else
        {
            builder.Services.AddSingleton<IPaymentGateway, UnavailablePaymentGateway>();
        }
    }
}

/// <summary>Production without Stripe: buying credits says so instead of pretending.</summary>
internal sealed class UnavailablePaymentGateway : IPaymentGateway
{
    public string Name => "none";

    public bool IsAvailable => false;

    public Task<CheckoutSession> CreateCheckoutAsync(RechargeOrder order, string customerEmail, CancellationToken ct) =>
        throw new InvalidOperationException("No payment provider is configured: set Payments:Stripe:SecretKey and WebhookSecret.");
}
