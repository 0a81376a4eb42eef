using System.Text.RegularExpressions;

namespace AdPilot.Web.Tests.Support;

/// <summary>Signs a browser-like client in through the login page's dev sign-in form (antiforgery included).</summary>
public static partial class CookieSignIn
{
    public static async Task<HttpResponseMessage> PostDevLoginAsync(this HttpClient client, string email, string returnUrl = "/overview")
    {
        var login = await client.GetStringAsync("/login");
        var token = AntiforgeryField().Match(login).Groups[1].Value;
        return await client.PostAsync("/auth/dev-login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["email"] = email,
            ["returnUrl"] = returnUrl,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
