namespace AdPilot.Web.Features.Identity;

public static class AuthSchemes
{
    /// <summary>Picks JWT bearer when the request carries <c>Authorization: Bearer</c>, the cookie otherwise.</summary>
    public const string Smart = "Smart";
    public const string Cookie = "Cookies";
    public const string Bearer = "Bearer";

    /// <summary>Personal access tokens (<c>Bearer adp_pat_…</c>), accepted wherever a bearer token is.</summary>
    public const string Pat = "Pat";

    /// <summary>Bearer-only authentication for <c>/mcp</c>: a PAT, an API JWT or an OAuth token; challenges point at the resource metadata.</summary>
    public const string McpBearer = "McpBearer";

    /// <summary>Access tokens AdPilot's OAuth server issued to MCP clients, bound to <c>/mcp</c>.</summary>
    public const string OAuth = "OAuth";
    public const string Google = "Google";
}

public static class Policies
{
    public const string Admin = "Admin";
}
