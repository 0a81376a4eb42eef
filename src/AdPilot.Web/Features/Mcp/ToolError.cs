using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.Common;
using AdPilot.Core.Platforms;
using AdPilot.Web.Api;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AdPilot.Web.Features.Mcp;

/// <summary>
/// The one place exceptions become tool results (P25): <c>isError: true</c> and a JSON text block
/// <c>{"error": {"code", "message", …}}</c> with a stable code and a message a model can act on. No stack traces.
/// </summary>
public static class ToolError
{
    public const string InternalError = "internal_error";

    /// <summary>Whether the exception is a bug (logged as an error) rather than an answer to a bad call.</summary>
    public static bool IsUnexpected(Exception exception) => Describe(exception).Code == InternalError;

    public static CallToolResult From(Exception exception)
    {
        var (code, message, details) = Describe(exception);
        return Result(code, message, details);
    }

    /// <summary>
    /// The same mapping for prompts and resources, which answer with a JSON-RPC error rather than a tool result: the code
    /// leads the message (<c>not_found: Campaign 5 was not found.</c>); <paramref name="notFound"/> is the error code of a
    /// missing entity (-32002 for a resource, invalid params for a prompt).
    /// </summary>
    public static McpProtocolException Protocol(Exception exception, McpErrorCode notFound)
    {
        var (code, message, details) = Describe(exception);
        var errorCode = code switch
        {
            "not_found" => notFound,
            InternalError => McpErrorCode.InternalError,
            _ => McpErrorCode.InvalidParams,
        };
        var fields = details?["errors"] is JsonObject errors ? " " + errors.ToJsonString(McpJson.Options) : "";
        return new McpProtocolException($"{code}: {message}{fields}", errorCode);
    }

    public static CallToolResult Result(string code, string message, JsonObject? details = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        foreach (var (key, value) in details ?? [])
        {
            error[key] = value?.DeepClone();
        }

        return new CallToolResult
        {
            IsError = true,
            Content = [new TextContentBlock { Text = new JsonObject { ["error"] = error }.ToJsonString(McpJson.Options) }],
        };
    }

    private static (string Code, string Message, JsonObject? Details) Describe(Exception exception) => exception switch
    {
        ValidationFailedException v => (v.Code, v.Message, new JsonObject { ["errors"] = FieldErrors(v.Errors) }),
        InsufficientCreditsException i => (i.Code, i.Message + " The user buys credits in AdPilot under Billing (/billing); nothing was charged.", new JsonObject
        {
            ["required"] = i.Required,
            ["balance"] = i.Available,
            ["recharge_url"] = "/billing",
        }),
        ConflictException { Code: "reauth_required" } c => ("needs_reauth",
            $"{c.Message} Nothing was changed. Ask the user to reconnect it in AdPilot under Ad accounts, then try again.", null),
        DomainException d => (d.Code, d.Message, null),
        PlatformException { Kind: PlatformErrorKind.AuthExpired } p => ("needs_reauth",
            $"The ad platform no longer accepts this account's authorisation ({p.PlatformMessage}). Ask the user to reconnect it in AdPilot under Ad accounts.", null),
        PlatformException { Kind: PlatformErrorKind.RateLimited } p => ("platform_rate_limited",
            "The ad platform is throttling requests. Try again later.",
            p.RetryAfter is { } wait ? new JsonObject { ["retry_after_seconds"] = (int)Math.Ceiling(wait.TotalSeconds) } : null),
        PlatformException p => ("platform_error", $"The ad platform refused or failed the request: {p.PlatformMessage}", null),
        JsonException or FormatException => ("validation_failed", "An argument has the wrong type or format. Check the tool's input schema.", null),
        ArgumentException { ParamName: "arguments" } a when MissingArgument(a) is { } name => ("validation_failed", $"The argument {name} is required.",
            new JsonObject { ["errors"] = new JsonObject { [name] = new JsonArray("A value is required.") } }),
        _ when ServiceUnavailable.Is(exception) => (ServiceUnavailable.Code, ServiceUnavailable.Detail, null),
        _ => (InternalError, "Something went wrong on AdPilot's side. Try again; if it keeps happening, tell the user to contact support.", null),
    };

    /// <summary>The parameter the SDK's binder found missing ("…missing a value for the required parameter 'x'."), or null for any other argument error.</summary>
    private static string? MissingArgument(ArgumentException exception) =>
        System.Text.RegularExpressions.Regex.Match(exception.Message, @"required parameter '([a-z0-9_]+)'") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>Field paths as the tools name their parameters: <c>adSets[0].dailyBudget</c> → <c>ad_sets[0].daily_budget</c>.</summary>
    private static JsonObject FieldErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        var result = new JsonObject();
        foreach (var (field, messages) in errors)
        {
            var path = string.Join('.', field.Split('.').Select(SnakeCase));
            result[path] = new JsonArray(messages.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
        }

        return result;
    }

    private static string SnakeCase(string segment)
    {
        var bracket = segment.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? JsonNamingPolicy.SnakeCaseLower.ConvertName(segment)
            : JsonNamingPolicy.SnakeCaseLower.ConvertName(segment[..bracket]) + segment[bracket..];
    }
}
