using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AdPilot.Web.Tests.Api.Fuzz;

/// <summary>Request bodies: the JSON body with one value replaced, the body as a whole, and multipart forms part by part.</summary>
internal sealed partial class FuzzCases
{
    private static string Replace(JsonNode? body, List<object> path, string rawValue)
    {
        var copy = body?.DeepClone();
        JsonNode? parent = copy;
        foreach (var key in path[..^1])
        {
            parent = key is int i ? parent?[i] : parent?[(string)key];
        }

        switch (path[^1])
        {
            case int i when parent is JsonArray array && i < array.Count:
                array[i] = Placeholder;
                break;
            case string name when parent is JsonObject obj:
                obj[name] = Placeholder;
                break;
            default:
                return copy?.ToJsonString() ?? "null";
        }

        return copy!.ToJsonString().Replace($"\"{Placeholder}\"", rawValue, StringComparison.Ordinal);
    }

    /// <summary>The body replaced as a whole, and sent as what it is not.</summary>
    private static IEnumerable<(string What, string? Json, string? Type, byte[]? Raw)> WholeBodies(IEnumerable<(string Name, JsonElement Schema, bool Required)> properties, JsonNode? body)
    {
        yield return ("body null", "null", null, null);
        yield return ("body empty", null, null, []);
        yield return ("body truncated", "{\"a\":", null, null);
        yield return ("body array", "[]", null, null);
        yield return ("body string", "\"x\"", null, null);
        yield return ("body not UTF-8", null, null, [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D]);
        yield return ("unknown charset", null, "application/json; charset=klingon", null);
        yield return ("charset utf-7", null, "application/json; charset=utf-7", null);
        yield return ("text/plain", null, "text/plain", null);
        yield return ("form", "a=b&c=%00", "application/x-www-form-urlencoded", null);
        yield return ("multipart without boundary", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--", "multipart/form-data", null);
        yield return ("multipart malformed", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\u0089PNG", "multipart/form-data; boundary=x", null);
        foreach (var (name, _, required) in properties)
        {
            if (required && body is JsonObject obj)
            {
                var copy = (JsonObject)obj.DeepClone();
                copy.Remove(name);
                yield return ($"without {name}", copy.ToJsonString(), null, null);
            }
        }
    }

    /// <summary>A form with every field filled, then one text field, the file's bytes or its name hostile at a time.</summary>
    private IEnumerable<(string What, byte[] Body, bool Always)> Multipart(JsonElement schema)
    {
        var fields = api.Properties(schema).ToList();
        var texts = fields.Where(f => api.KindOf(f.Schema) != SchemaKind.Binary).ToDictionary(f => f.Name, f => Hint(f.Name) ?? "fuzz");
        var files = fields.Where(f => api.KindOf(f.Schema) == SchemaKind.Binary).Select(f => f.Name).ToList();
        yield return ("form baseline", Form(texts, files, sampleFile, "fuzz.png"), true);
        foreach (var field in texts.Keys)
        {
            foreach (var (value, i) in HostileValues.FormTexts.Select((v, i) => (v, i)))
            {
                yield return ($"form {field}={Short(value)}", Form(new(texts) { [field] = value }, files, sampleFile, "fuzz.png"), i < 2);
            }
        }

        foreach (var ((what, bytes), i) in HostileValues.Files(sampleFile, seed).Select((f, i) => (f, i)))
        {
            yield return ($"form file {what}", Form(texts, files, bytes, "fuzz.png"), i < 2);
        }

        foreach (var (name, i) in HostileValues.FileNames.Select((n, i) => (n, i)))
        {
            yield return ($"form file name {Short(name)}", Form(texts, files, sampleFile, name), i < 2);
        }

        yield return ("form without its file", Form(texts, [], sampleFile, ""), true);
    }

    private static byte[] Form(Dictionary<string, string> texts, List<string> files, byte[] content, string fileName)
    {
        using var body = new MemoryStream();
        void Write(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        foreach (var (name, value) in texts)
        {
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n");
        }

        foreach (var name in files)
        {
            Write($"--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: image/png\r\n\r\n");
            body.Write(content);
            Write("\r\n");
        }

        Write($"--{Boundary}--\r\n");
        return body.ToArray();
    }
}
