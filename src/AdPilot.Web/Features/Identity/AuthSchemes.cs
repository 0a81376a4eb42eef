namespace AdPilot.Web.Features.Identity;

public static class AuthSchemes
{
    /// <summary>Picks JWT bearer when the request carries <c>Authorization: Bearer</c>, the cookie otherwise.</summary>
    public const string Smart = "Smart";
    public const string Cookie = "Cookies";
    public const string Bearer = "Bearer";
    public const string Google = "Google";
}

public static class Policies
{
    public const string Admin = "Admin";
}
