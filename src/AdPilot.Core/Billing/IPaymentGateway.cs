namespace AdPilot.Core.Billing;

/// <summary>Starts a hosted checkout for an order: Stripe Checkout, or the simulated checkout of the embedded default.</summary>
public interface IPaymentGateway
{
    string Name { get; }

    /// <summary>False when no provider is configured: orders are refused up front instead of failing at checkout.</summary>
    bool IsAvailable => true;

    Task<CheckoutSession> CreateCheckoutAsync(RechargeOrder order, string customerEmail, CancellationToken ct);
}

public sealed record CheckoutSession(string SessionId, string Url);
