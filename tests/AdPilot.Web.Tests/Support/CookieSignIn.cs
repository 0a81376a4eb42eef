using System.Text.RegularExpressions;

namespace AdPilot.Web.Tests.Support;

/// <summary>Signs a browser-like client in through the login page's dev sign-in form (antiforgery included).</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpResponseMessage> PostDevLoginAsync(this HttpClient client, string email, string returnUrl = "/overview")
    {
        var login = await client.GetStringAsync("/login");
        var token = AntiforgeryToken(login);
        return await client.PostAsync("/auth/dev-login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["returnUrl"] = returnUrl,
        }));
    }

    /// <summary>The antiforgery token of the first form on a rendered page.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
