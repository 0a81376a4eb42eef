using System.Reflection;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// The one registry of AdPilot's tools (docs/decisions/017). The MCP server publishes these instances and the agent
/// calls the same ones: same descriptions, schemas, owner scoping and guardrails. A tool class is a thin adapter over a
/// feature service, in <c>Features/&lt;Feature&gt;/&lt;Feature&gt;Tools.cs</c>; it is created per call with the
/// <see cref="ToolCaller"/> of that call.
/// </summary>
public static class ToolRegistry
{
    /// <summary>Every class whose <c>[McpServerTool]</c> methods are tools. Add a feature's tools class here.</summary>
    public static readonly IReadOnlyList<Type> ToolTypes =
    [
        typeof(AdAccounts.AdAccountsTools),
        typeof(Creatives.CreativesTools),
        typeof(Notifications.NotificationsTools),
        typeof(Campaigns.CampaignsTools),
        typeof(Reports.ReportsTools),
        typeof(Credits.CreditsTools),
        typeof(Actions.ActionsTools),
        typeof(WebPages.WebPagesTools),
        typeof(LandingPages.LandingPagesTools),
        typeof(Anomalies.AnomaliesTools),
        typeof(Automation.RulesTools),
        typeof(DailyReports.DailyReportsTools),
    ];

    /// <summary>The public instance methods of a class that carry an MCP attribute (tools here; prompts and resources in <see cref="McpPrimitives"/>).</summary>
    internal static IEnumerable<MethodInfo> Marked<TAttribute>(Type type)
        where TAttribute : Attribute =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.GetCustomAttribute<TAttribute>() is not null);

    /// <summary>Registers every tool as a DI singleton; the MCP server collects them from there.</summary>
    public static void AddToolRegistry(this IServiceCollection services)
    {
        foreach (var type in ToolTypes)
        {
            foreach (var method in Marked<McpServerToolAttribute>(type))
            {
                services.AddSingleton<McpServerTool>(sp => Create(sp, type, method));
            }
        }
    }

    private static GuardedTool Create(IServiceProvider services, Type type, MethodInfo method)
    {
        var factory = ActivatorUtilities.CreateFactory(type, [typeof(ToolCaller)]);
        var tool = McpServerTool.Create(
            method,
            request => factory(request.Services!, [ToolCaller.From(request.User!)]),
            new McpServerToolCreateOptions { Services = services, SerializerOptions = McpJson.Options, SchemaCreateOptions = McpSchema.Options });
        if (tool.ProtocolTool.OutputSchema is null || tool.ProtocolTool.Annotations?.ReadOnlyHint is null || tool.ProtocolTool.Annotations.OpenWorldHint is null)
        {
            // P24 and the annotations are promises of every tool; a tool that forgets them must not start.
            throw new InvalidOperationException(
                $"Tool {tool.ProtocolTool.Name} must set UseStructuredContent = true, ReadOnly and OpenWorld in its [McpServerTool] attribute.");
        }

        return new GuardedTool(tool, services.GetRequiredService<ILoggerFactory>().CreateLogger("AdPilot.Mcp"));
    }
}
