namespace AdPilot.Core.Billing;

public sealed class PaymentOptions
{
    public const string Section = "Payments:Stripe";

    /// <summary>Stripe secret key (sk_…). Empty: the simulated checkout (Development only) is the gateway.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>Signing secret of the webhook endpoint (whsec_…).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>Stripe's API base URL; tests point it at a local fake Stripe.</summary>
    public string ApiBase { get; set; } = "https://api.stripe.com";

    /// <summary>Where Checkout sends the buyer back; <c>{ORDER_ID}</c> is replaced.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public bool IsStripe => !string.IsNullOrWhiteSpace(SecretKey);
}
