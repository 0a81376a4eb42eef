namespace AdPilot.Web.Api.RateLimiting;

/// <summary>Endpoint metadata: not counted against the per-user limit (e.g. signed webhooks from a payment provider).</summary>
public sealed class DisableApiRateLimit;
