using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// How tool schemas are generated. Results leave out null values (<see cref="McpJson"/>), so a property that may be null
/// must not be listed as required in the output schema, or a result without it would break its own schema (P24).
/// </summary>
public static class McpSchema
{
    public static readonly AIJsonSchemaCreateOptions Options = new() { TransformSchemaNode = (_, node) => OptionalNullables(node) };

    private static JsonNode OptionalNullables(JsonNode node)
    {
        if (node is JsonObject schema && schema["properties"] is JsonObject properties && schema["required"] is JsonArray required)
        {
            foreach (var name in required.Select(r => r?.GetValue<string>()).ToList())
            {
                if (name is not null && AllowsNull(properties[name]))
                {
                    required.Remove(required.First(r => r?.GetValue<string>() == name));
                }
            }
        }

        return node;
    }

    /// <summary>True for a schema that accepts null: a "type" naming null, or no type at all (any value).</summary>
    private static bool AllowsNull(JsonNode? property) => property switch
    {
        JsonObject o when o["type"] is JsonArray types => types.Any(t => t?.GetValue<string>() == "null"),
        JsonObject o when o["type"] is JsonValue type => type.GetValue<string>() == "null",
        JsonObject => true,
        _ => property is null || (property is JsonValue v && v.TryGetValue<bool>(out var any) && any),
    };
}
