using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdPilot.Web.Tests.Api.Fuzz;

internal sealed record FuzzCase(ApiOperation Operation, string What, string Url, byte[]? Body, string? ContentType)
{
    public override string ToString()
    {
        var body = Body is null ? "(none)" : Encoding.UTF8.GetString(Body);
        return $"{Operation} [{What}]\n    {Operation.Method} {Trim(Url)}\n    Content-Type: {ContentType ?? "(none)"}\n    Body: {Trim(body)}";
    }

    private static string Trim(string s) => s.Length <= 400 ? s : $"{s[..400]}… ({s.Length:N0} chars)";
}

/// <summary>
/// Builds the hostile requests for one operation from its OpenAPI description: a plausible request first (own ids, valid
/// values, so a hostile field reaches the code behind validation), then one change at a time — each path id, each query
/// parameter, each body field at any depth, the body as a whole and its content type. The first hostile values of every
/// field are always sent; the rest are sampled with a fixed seed up to a budget per operation.
/// </summary>
internal sealed partial class FuzzCases(ApiDescription api, IReadOnlyDictionary<string, (long Own, long Other)> ids, byte[] sampleFile, int seed)
{
    public const int MaxCasesPerOperation = 90;
    private const string Placeholder = "__fuzz_value__";
    private const string Boundary = "fuzz-boundary";

    /// <summary>Values that get a request past validation; only the baseline uses them, every field still gets hostile values.</summary>
    private static readonly Dictionary<string, string> Hints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = "fuzz-token@example.com", ["currency"] = "USD", ["language"] = "en", ["timeZone"] = "Europe/Paris",
        ["contentType"] = "image/png", ["category"] = "system", ["channels"] = "both", ["packageId"] = "starter",
        ["operation"] = "chat_message", ["model"] = "gpt-4o", ["platform"] = "simulated", ["level"] = "account",
        ["granularity"] = "week", ["status"] = "active", ["groupBy"] = "day", ["kind"] = "metrics", ["locations"] = "US", ["from"] = "2026-09-01", ["to"] = "2026-11-20",
    };

    /// <summary>Like <see cref="Hints"/>, for body fields only (a query parameter of the same name means something else): /api/chat's UI messages.</summary>
    private static readonly Dictionary<string, string> BodyHints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["type"] = "text", ["role"] = "user", ["trigger"] = "submit-message", ["path"] = "/overview", ["entityType"] = "campaign",
    };

    private static readonly Dictionary<string, long> NumberHints = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lowBalanceThreshold"] = 50, ["criticalBalanceThreshold"] = 10, ["credits"] = 100, ["price"] = 10, ["size"] = 1000,
    };

    private readonly Random _random = new(seed);

    public IReadOnlyList<FuzzCase> For(ApiOperation operation)
    {
        var always = new List<FuzzCase>();
        var sampled = new List<FuzzCase>();
        var path = operation.Parameters.Where(p => p.In == "path").ToDictionary(p => p.Name, p => Own(operation, p.Name)?.ToString() ?? Hint(p.Name) ?? "1");
        var query = operation.Parameters.Where(p => p.In == "query" && (Hint(p.Name) is not null || Own(operation, p.Name) is not null))
            .ToDictionary(p => p.Name, p => Hint(p.Name) ?? Own(operation, p.Name)!.ToString()!);
        var (contentType, body) = Body(operation);
        FuzzCase Case(string what, Dictionary<string, string>? p = null, Dictionary<string, string>? q = null, string? json = null, string? type = null, byte[]? raw = null)
        {
            var text = json ?? body;
            return new(operation, what, Url(operation.Path, p ?? path, q ?? query), raw ?? (text is null ? null : Encoding.UTF8.GetBytes(text)), type ?? contentType);
        }

        always.Add(Case("baseline"));
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            // A NUL in the path never reaches the app (the server refuses the request line), so it is left out here.
            IReadOnlyList<string> values = api.KindOf(parameter.Schema) != SchemaKind.Integer ? HostileValues.Query(SchemaKind.String).Where(v => !v.Contains("%00", StringComparison.Ordinal)).ToList()
                : Other(operation, parameter.Name) is { } other ? [other.ToString(), .. HostileValues.PathIds] : HostileValues.PathIds;
            foreach (var (value, i) in values.Select((v, i) => (v, i)))
            {
                (i < 2 ? always : sampled).Add(Case($"path {parameter.Name}={Short(value)}", new(path) { [parameter.Name] = value }));
            }
        }

        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            foreach (var (value, i) in HostileValues.Query(api.KindOf(parameter.Schema)).Select((v, i) => (v, i)))
            {
                (i < 2 ? always : sampled).Add(Case($"query {parameter.Name}={Short(value)}", q: new(query) { [parameter.Name] = value }));
            }
        }

        foreach (var kind in new[] { SchemaKind.Date, SchemaKind.DateTime })
        {
            var dates = operation.Parameters.Where(p => p.In == "query" && api.KindOf(p.Schema) == kind).Select(p => p.Name).ToList();
            foreach (var value in dates.Count > 1 ? HostileValues.Query(kind) : [])
            {
                always.Add(Case($"all {kind} parameters={value}", q: new(query.Concat(dates.Select(d => KeyValuePair.Create(d, value))).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value))));
            }
        }

        if (body is { Length: > 0 }) // a JSON body; an upload-only operation (multipart) is fuzzed below
        {
            // A multipart-only operation (a file upload) has no JSON baseline: it gets the whole-body cases and its form's.
            var (schema, node) = (operation.Bodies[contentType!], contentType == "application/json" ? JsonNode.Parse(body) : null);
            foreach (var (what, json, type, raw) in WholeBodies(api.Properties(schema), node))
            {
                always.Add(Case(what, json: json, type: type, raw: raw));
            }

            foreach (var (fieldPath, kind) in node is null ? [] : Fields(schema, [], 0))
            {
                foreach (var (value, i) in HostileValues.Json(kind).Select((v, i) => (v, i)))
                {
                    (i < 2 ? always : sampled).Add(Case($"{Show(fieldPath)}={Short(value)}", json: Replace(node, fieldPath, value)));
                }
            }
        }

        if (operation.Bodies.TryGetValue("multipart/form-data", out var form))
        {
            foreach (var (what, bytes, first) in Multipart(form))
            {
                (first ? always : sampled).Add(Case(what, type: $"multipart/form-data; boundary={Boundary}", raw: bytes));
            }
        }

        return [.. always, .. sampled.OrderBy(_ => _random.Next()).Take(Math.Max(0, MaxCasesPerOperation - always.Count))];
    }

    private (string? ContentType, string? Body) Body(ApiOperation operation)
    {
        if (operation.Bodies.TryGetValue("application/json", out var schema))
        {
            return ("application/json", Baseline(schema, "", 0)?.ToJsonString() ?? "null");
        }

        return operation.Bodies.Count > 0 ? (operation.Bodies.Keys.First(), "") : (null, null);
    }

    private IEnumerable<(List<object> Path, SchemaKind Kind)> Fields(JsonElement schema, List<object> path, int depth)
    {
        if (depth > 4)
        {
            yield break;
        }

        var kind = api.KindOf(schema);
        var resolved = api.Resolve(schema);
        List<(object Key, JsonElement Schema)> children = kind switch
        {
            SchemaKind.Object => api.Properties(resolved).Select(p => ((object)p.Name, p.Schema)).ToList(),
            SchemaKind.Array => [(0, resolved.GetProperty("items"))],
            SchemaKind.Dictionary => [("fuzz", resolved.GetProperty("additionalProperties"))],
            _ => [],
        };
        foreach (var (key, child) in children)
        {
            List<object> childPath = [.. path, key];
            yield return (childPath, api.KindOf(child));
            foreach (var nested in Fields(child, childPath, depth + 1))
            {
                yield return nested;
            }
        }
    }

    private JsonNode? Baseline(JsonElement schema, string name, int depth)
    {
        var resolved = api.Resolve(schema);
        var kind = api.KindOf(schema);
        return kind switch
        {
            SchemaKind.Enum => resolved.GetProperty("enum").EnumerateArray().Any(e => e.ValueKind == JsonValueKind.String && e.GetString() == Hint(name))
                ? JsonValue.Create(Hint(name)) : JsonNode.Parse(resolved.GetProperty("enum")[0].GetRawText()),
            SchemaKind.Date => JsonValue.Create("2026-11-20"),
            SchemaKind.DateTime => JsonValue.Create("2026-11-20T10:00:00Z"),
            SchemaKind.Integer => JsonValue.Create(OwnId(name) ?? NumberHints.GetValueOrDefault(name, Minimum(resolved))),
            SchemaKind.Number => JsonValue.Create(NumberHints.GetValueOrDefault(name, Minimum(resolved))),
            SchemaKind.Boolean => JsonValue.Create(false),
            SchemaKind.Array when depth < 5 => new JsonArray(Baseline(resolved.GetProperty("items"), name, depth + 1)),
            SchemaKind.Object when depth < 5 => new JsonObject(api.Properties(resolved).Select(p => KeyValuePair.Create(p.Name, Baseline(p.Schema, p.Name, depth + 1)))),
            SchemaKind.Dictionary when depth < 5 => new JsonObject { ["fuzz"] = Baseline(resolved.GetProperty("additionalProperties"), "fuzz", depth + 1) },
            SchemaKind.String or SchemaKind.Unknown => JsonValue.Create(Hint(name) ?? BodyHints.GetValueOrDefault(name) ?? (name.EndsWith("Url", StringComparison.OrdinalIgnoreCase) ? "https://example.com/fuzz" : "fuzz")),
            _ => null,
        };
    }

    private static long Minimum(JsonElement schema) =>
        schema.TryGetProperty("minimum", out var min) && min.TryGetDouble(out var m) && m is > 1 and < 1e9 ? (long)Math.Ceiling(m) : 1;

    private static string Url(string template, Dictionary<string, string> path, Dictionary<string, string> query)
    {
        var url = path.Aggregate(template, (u, p) => u.Replace($"{{{p.Key}}}", p.Value, StringComparison.Ordinal));
        return query.Count == 0 ? url : $"{url}?{string.Join('&', query.Select(q => $"{q.Key}={q.Value}"))}";
    }

    /// <summary>The resource a path or body id names: <c>/campaigns/{id}</c> → campaign, <c>adSetId</c> → ad-set.</summary>
    private static string? Resource(ApiOperation operation, string name)
    {
        if (name != "id")
        {
            var stem = name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : null;
            return stem is null ? null : JsonNamingPolicy.KebabCaseLower.ConvertName(stem);
        }

        var segments = operation.Path.Split('/');
        var plural = segments[Array.IndexOf(segments, "{id}") - 1];
        return plural.EndsWith('s') ? plural[..^1] : plural;
    }

    private long? Own(ApiOperation operation, string name) => Resource(operation, name) is { } r && ids.TryGetValue(r, out var id) ? id.Own : null;

    private long? Other(ApiOperation operation, string name) => Resource(operation, name) is { } r && ids.TryGetValue(r, out var id) ? id.Other : null;

    private long? OwnId(string name) => name.EndsWith("Id", StringComparison.Ordinal) && ids.TryGetValue(JsonNamingPolicy.KebabCaseLower.ConvertName(name[..^2]), out var id) ? id.Own : null;

    private static string? Hint(string name) => Hints.GetValueOrDefault(name);

    private static string Show(List<object> path) => string.Concat(path.Select((k, i) => k is int n ? $"[{n}]" : i == 0 ? (string)k : $".{k}"));

    private static string Short(string value) => value.Length <= 40 ? value : $"{value[..20]}…({value.Length} chars)";
}
