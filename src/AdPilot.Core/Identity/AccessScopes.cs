namespace AdPilot.Core.Identity;

/// <summary>
/// What a credential may do. Browser sessions and the API's own JWTs carry both; personal access tokens and OAuth
/// tokens issued to MCP clients carry what the user granted. <c>write</c> never comes without <c>read</c>.
/// </summary>
public static class AccessScopes
{
    public const string Read = "read";
    public const string Write = "write";

    /// <summary>The claim that lists a credential's scopes, space-separated (RFC 8693 <c>scope</c>).</summary>
    public const string Claim = "scope";

    public static readonly IReadOnlyList<string> All = [Read, Write];

    /// <summary>Normalises a user's choice: known scopes only, in a fixed order, <c>read</c> implied by <c>write</c>.</summary>
    public static string Normalize(IEnumerable<string> scopes)
    {
        var set = scopes.Select(s => s.Trim().ToLowerInvariant()).ToHashSet();
        return set.Contains(Write) ? $"{Read} {Write}" : Read;
    }

    public static bool Allows(string? granted, string scope) =>
        granted is not null && granted.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(scope, StringComparer.Ordinal);
}
