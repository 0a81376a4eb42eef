using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using AdPilot.Core.Common;
using AdPilot.Core.Platforms.Meta;
using AdPilot.Core.Users;
using AdPilot.Web.Tests.Fakes;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AdPilot.Web.Tests.Hosting;

/// <summary>OpenTelemetry when an OTLP endpoint is configured, and JSON console lines with the trace id in Production.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task OtlpConfigured_TracesRequestsDatabaseAndPlatformCalls_WithoutTheAccessToken_AndExportsAppMeters()
    {
        await using var meta = await FakeMeta.StartNewAsync();
        // The host's background work (jobs, the schedule keeper) ends spans on other threads while the test reads them.
        var exportedSpans = new LockedList<Activity>();
        var exportedMetrics = new LockedList<Metric>();
        var settings = new Dictionary<string, string?>(meta.Settings())
        {
            // Nothing listens there; the in-memory exporters below are what the test reads.
            ["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9",
        };
        await using var app = AdPilotFactory.With(settings: settings, services: s => s
            .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(exportedSpans))
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(exportedMetrics)));

        await app.CreateClient().GetAsync("/api/v1/users/me");
        await app.Services.GetRequiredService<UserService>().SignInAsync(new ExternalIdentity("dev", "otel@example.com", "otel@example.com", null, null));
        await app.Services.GetRequiredService<MetaAdsClient>().ListAdAccountsAsync(FakeMeta.LongToken, default);
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        var spans = exportedSpans.Snapshot();
        var metrics = exportedMetrics.Snapshot();

        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && s.DisplayName.Contains("/api/v1/users/me", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Source.Name.Contains("EntityFrameworkCore", StringComparison.Ordinal));
        var graph = spans.Where(s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string url && url.Contains("/adaccounts", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(graph);
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains(FakeMeta.LongToken, StringComparison.Ordinal) == true);
        Assert.Contains(metrics, m => m.Name == "adpilot.platform.calls");
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
    }

    /// <summary>A list the exporters may add to from any thread, read as a snapshot.</summary>
    private sealed class LockedList<T> : System.Collections.ObjectModel.Collection<T>
    {
        private readonly Lock _lock = new();

        public List<T> Snapshot()
        {
            lock (_lock)
            {
                return [.. this];
            }
        }

        protected override void InsertItem(int index, T item)
        {
            lock (_lock)
            {
                base.InsertItem(index, item);
            }
        }

        protected override void ClearItems()
        {
            lock (_lock)
            {
                base.ClearItems();
            }
        }
    }

    [Fact]
    public async Task Production_ConsoleLines_AreJson_AndRequestLinesCarryTheTraceId()
    {
        const string traceId = "0af7651916cd43dd8448eb211c80319c";
        await using var host = HostProcess.Start(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        });
        var banner = await host.WaitForLineAsync(l => l.Contains("AdPilot is running at", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var url = JsonDocument.Parse(banner).RootElement.GetProperty("State").GetProperty("Urls").GetString()!.Split(',')[0].Trim();

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}/api/v1/nope");
        request.Headers.Add("traceparent", $"00-{traceId}-b7ad6b7169203331-01");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        (await http.SendAsync(request)).Dispose();
        await host.WaitForLineAsync(l => l.Contains("Request finished", StringComparison.Ordinal), TimeSpan.FromSeconds(10));

        var lines = host.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList(); // every line is one JSON object
        var requestLines = lines.Where(l => l.GetProperty("Message").GetString()!.Contains("/api/v1/nope", StringComparison.Ordinal)).ToList();
        Assert.True(requestLines.Count >= 2, "Request starting and finished are logged.");
        Assert.All(requestLines, l => Assert.Contains(l.GetProperty("Scopes").EnumerateArray(),
            s => s.TryGetProperty("TraceId", out var id) && id.GetString() == traceId));
    }
}
