using OpenTelemetry.Exporter;

namespace AdPilot.Web.Hosting;

/// <summary>OpenTelemetry export and log format (section <c>Telemetry</c>); everything is off by default but JSON logs in Production.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>OTLP collector address (e.g. <c>http://otel-collector:4317</c>); traces, metrics and logs are exported only when set.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary><c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public OtlpExportProtocol OtlpProtocol { get; set; } = OtlpExportProtocol.Grpc;

    public string ServiceName { get; set; } = "adpilot";

    /// <summary>One JSON object per console line, with the trace id; null means on in Production only.</summary>
    public bool? JsonConsole { get; set; }
}
