using AdPilot.Core.Common;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AdPilot.Web.Hosting;

/// <summary>
/// Logs, traces and metrics (docs/decisions/016): JSON console lines carrying the trace id in Production, and OpenTelemetry
/// (ASP.NET Core, HttpClient, EF Core, the runtime and AdPilot's own meters) exported over OTLP when an endpoint is configured.
/// </summary>
internal static class TelemetrySetup
{
    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.TryAddSingleton<AppMetrics>();
        // Every line written inside a request or a job carries its trace and span ids (as a scope).
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (options.JsonConsole ?? builder.Environment.IsProduction())
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            });
        }

        if (options.OtlpEndpoint is not { } endpoint)
        {
            return;
        }

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(options.ServiceName))
            .WithTracing(t => t
                .AddSource(AppMetrics.ActivitySourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation() // query values are redacted by default: Meta's access_token stays out
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(m => m
                .AddMeter(AppMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithLogging()
            .UseOtlpExporter(options.OtlpProtocol, endpoint);
    }
}
