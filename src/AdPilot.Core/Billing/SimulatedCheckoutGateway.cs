namespace AdPilot.Core.Billing;

/// <summary>The embedded default: a checkout page inside AdPilot (Development only) that fulfils through the same code as Stripe's webhook.</summary>
public sealed class SimulatedCheckoutGateway : IPaymentGateway
{
    public string Name => "simulated";

    public Task<CheckoutSession> CreateCheckoutAsync(RechargeOrder order, string customerEmail, CancellationToken ct) =>
        Task.FromResult(new CheckoutSession($"sim_{order.Id}", $"/billing/checkout/{order.Id}"));
}
