using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// How tool arguments and results are written: snake_case names (the convention of MCP tools and of the parameters
/// models see), enums as snake_case strings, nulls left out (fewer tokens for a model to read); the output schemas
/// therefore do not require nullable properties (<see cref="McpSchema"/>).
/// </summary>
public static class McpJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(McpJsonUtilities.DefaultOptions)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
        };
        // First: the SDK's defaults carry an enum converter of their own (PascalCase), and the first that fits wins.
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }
}
