using AdPilot.Core.Anomalies;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Core.Reports;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Anomalies;

/// <summary>Development only: inject an anomaly into the simulated platform, sync the account and run the detector, for demos.</summary>
internal static class SimulatedAnomalyApi
{
    public static void MapSimulatedAnomalyInjection(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/dev/simulated-anomalies", InjectSimulatedAnomaly).WithTags("Development").RequireAuthorization();

    private static async Task<Ok<InjectedAnomaly>> InjectSimulatedAnomaly(
        InjectAnomalyRequest request, HttpContext http, AnomalyDemo demo, ReportIngestion ingestion, AnomalyService anomalies, CancellationToken ct)
    {
        var userId = http.User.UserId();
        var injected = await demo.InjectAsync(userId, request, ct);
        await ingestion.SyncAsync(userId, request.AdAccountId, ct);
        var run = await anomalies.RunAsync(ct);
        return TypedResults.Ok(new InjectedAnomaly(injected, run));
    }
}

internal sealed record InjectedAnomaly(SimulatedAnomaly Injected, AnomalyRunResult Run);
