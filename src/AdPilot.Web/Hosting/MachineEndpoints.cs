namespace AdPilot.Web.Hosting;

/// <summary>Paths that programs call, not people: their error answers stay as they are, never replaced by the "not found" page.</summary>
internal static class MachineEndpoints
{
    private static readonly string[] Prefixes = ["/api", "/mcp", "/ws", "/.well-known", "/oauth"];

    public static bool Is(PathString path) => Prefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
