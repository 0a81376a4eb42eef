using System.Text.Json;

namespace AdPilot.Web.Tests.Api.Fuzz;

internal enum SchemaKind
{
    String,
    Date,
    DateTime,
    Integer,
    Number,
    Boolean,
    Enum,
    Array,
    Object,
    Dictionary,
    Binary,
    Unknown,
}

internal sealed record ApiParameter(string Name, string In, JsonElement Schema, bool Required);

internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, IReadOnlyDictionary<string, JsonElement> Bodies)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>The operations of an OpenAPI 3.1 document and its schemas, as far as a fuzzer needs them.</summary>
internal sealed class ApiDescription(JsonElement document)
{
    public IReadOnlyList<ApiOperation> Operations()
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new ApiParameter(
                        p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.GetProperty("schema"),
                        p.TryGetProperty("required", out var r) && r.GetBoolean())).ToList()
                    : [];
                var bodies = operation.Value.TryGetProperty("requestBody", out var body)
                    ? body.GetProperty("content").EnumerateObject().ToDictionary(c => c.Name, c => c.Value.GetProperty("schema"))
                    : [];
                operations.Add(new ApiOperation(operation.Name.ToUpperInvariant(), path.Name, parameters, bodies));
            }
        }

        return operations;
    }

    /// <summary>Follows <c>$ref</c>, and picks the non-null branch of a nullable <c>oneOf</c>.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
            }
            else if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf) || schema.TryGetProperty("allOf", out oneOf))
            {
                schema = oneOf.EnumerateArray().First(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
            }
            else
            {
                break;
            }
        }

        return schema;
    }

    public SchemaKind KindOf(JsonElement schema)
    {
        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out _))
        {
            return SchemaKind.Enum;
        }

        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [type.GetString()!];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return types switch
        {
            _ when types.Contains("integer") => SchemaKind.Integer,
            _ when types.Contains("number") => SchemaKind.Number,
            _ when types.Contains("boolean") => SchemaKind.Boolean,
            _ when types.Contains("array") => SchemaKind.Array,
            _ when types.Contains("object") || schema.TryGetProperty("properties", out _) =>
                schema.TryGetProperty("properties", out _) || !schema.TryGetProperty("additionalProperties", out _) ? SchemaKind.Object : SchemaKind.Dictionary,
            _ when types.Contains("string") => format switch { "date" => SchemaKind.Date, "date-time" => SchemaKind.DateTime, "binary" => SchemaKind.Binary, _ => SchemaKind.String },
            _ => SchemaKind.Unknown,
        };
    }

    public IEnumerable<(string Name, JsonElement Schema, bool Required)> Properties(JsonElement schema)
    {
        schema = Resolve(schema);
        var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        return schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => (p.Name, p.Value, required.Contains(p.Name))).ToList()
            : [];
    }
}
