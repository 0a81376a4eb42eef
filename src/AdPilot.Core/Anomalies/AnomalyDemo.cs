using System.ComponentModel.DataAnnotations;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Anomalies;

/// <summary>Asks the simulated platform for a spend spike or a conversion drop on one of the user's simulated accounts or campaigns.</summary>
public sealed record InjectAnomalyRequest
{
    [Required]
    public long AdAccountId { get; init; }

    public long? CampaignId { get; init; }

    /// <summary>The account-local day; today when omitted.</summary>
    public DateOnly? Day { get; init; }

    [Required, RegularExpression("^(spend_spike|conversion_drop)$", ErrorMessage = "Use spend_spike or conversion_drop.")]
    public string Kind { get; init; } = "spend_spike";

    /// <summary>Spend (spike) or conversions (drop) times this; e.g. 4 or 0.1.</summary>
    [Range(0.0, 100.0)] // double bounds: int bounds overflow converting a huge double (a 500 instead of a 400)
    public double Factor { get; init; } = 4;
}

/// <summary>Development and tests: anomalies injected into the simulated platform by AdPilot's own ids.</summary>
public sealed class AnomalyDemo(IDbContextFactory<AppDbContext> dbFactory, SimulatedAnomalies simulated, TimeProvider clock)
{
    public async Task<SimulatedAnomaly> InjectAsync(long userId, InjectAnomalyRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.AdAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AdAccountId && a.UserId == userId, ct)
            ?? throw new NotFoundException("AdAccount", request.AdAccountId);
        if (account.Platform != AdPlatformKind.Simulated)
        {
            throw ValidationFailedException.For("adAccountId", "Anomalies can only be injected into the simulated platform's accounts.");
        }

        string? campaignId = null;
        if (request.CampaignId is { } id)
        {
            campaignId = await db.Campaigns.Where(c => c.Id == id && c.UserId == userId && c.AdAccountId == account.Id).Select(c => c.PlatformCampaignId).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException("Campaign", id);
        }

        var anomaly = new SimulatedAnomaly(account.PlatformAccountId, campaignId, request.Day ?? Periods.Today(clock, account.TimeZone),
            request.Kind == "spend_spike" ? SimulatedAnomalyKind.SpendSpike : SimulatedAnomalyKind.ConversionDrop, request.Factor);
        simulated.Inject(anomaly);
        return anomaly;
    }
}
