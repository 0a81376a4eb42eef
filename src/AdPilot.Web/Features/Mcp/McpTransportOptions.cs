namespace AdPilot.Web.Features.Mcp;

/// <summary>Who may reach <c>/mcp</c> by name: the DNS-rebinding protection the MCP transport spec asks for (docs/decisions/022).</summary>
public sealed class McpTransportOptions
{
    public const string Section = "Mcp";

    /// <summary>
    /// Host names (optionally <c>*.example.com</c>) <c>/mcp</c> answers to besides localhost, 127.0.0.1 and [::1], which
    /// are always allowed. ASP.NET Core's <c>AllowedHosts</c>, when it is not <c>*</c>, is allowed too.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Browser origins (<c>https://app.example.com</c>) allowed to call <c>/mcp</c> besides the server's own.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    internal bool OriginsAreValid() =>
        AllowedOrigins.All(o => Uri.TryCreate(o, UriKind.Absolute, out var uri) && uri.GetLeftPart(UriPartial.Authority).Equals(o.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
}
