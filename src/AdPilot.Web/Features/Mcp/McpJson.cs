using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// How tool arguments and results are written: snake_case names (the convention of MCP tools and of the parameters
/// models see), enums as snake_case strings. Nulls are written: <c>"cpa": null</c> (no conversions) tells a model
/// more than a missing field. The output schemas allow null for nullable properties (<c>[type, "null"]</c>) and do not
/// require them (<see cref="McpSchema"/>).
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
            DefaultIgnoreCondition = JsonIgnoreCondition.Never, // the SDK's defaults omit nulls
            NumberHandling = JsonNumberHandling.Strict,
            // The text a model reads: quotes and non-Latin text (campaign names in Chinese) as they are, not \u0022 and
            // \u5e7f. Safe here: it is JSON inside JSON-RPC, never put into HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        // First: the SDK's defaults already hold a plain JsonStringEnumConverter, and the first converter that fits wins.
        options.Converters.Insert(0, new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.TypeInfoResolverChain.Add(new DefaultJsonTypeInfoResolver());
        options.MakeReadOnly();
        return options;
    }
}
