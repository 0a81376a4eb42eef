using System.Text.RegularExpressions;

namespace AdPilot.Core.Platforms;

/// <summary>
/// Replaces the values of credential parameters (query strings, form bodies, JSON) with <c>***</c>, so URLs and
/// payloads of the ad-platform clients can be logged or put into messages.
/// </summary>
public static partial class SecretRedaction
{
    public const string Mask = "***";

    /// <summary>The parameter names whose values are secrets on Meta, TikTok and Google.</summary>
    public static IReadOnlyList<string> SecretNames { get; } =
    [
        "access_token", "appsecret_proof", "client_secret", "fb_exchange_token", "secret", "refresh_token",
        "code", "auth_code", "code_verifier", "token",
    ];

    public static string Redact(Uri? uri) => uri is null ? "" : Redact(uri.ToString());

    /// <summary>Masks <c>name=value</c> pairs (query string, form body) and <c>"name":"value"</c> JSON members.</summary>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var masked = PairPattern().Replace(text, m => $"{m.Groups["name"].Value}={Mask}");
        return JsonPattern().Replace(masked, m => $"{m.Groups["head"].Value}\"{Mask}\"");
    }

    [GeneratedRegex(@"(?<=^|[?&;\s])(?<name>access_token|appsecret_proof|client_secret|fb_exchange_token|secret|refresh_token|code|auth_code|code_verifier|token)=(?<value>[^&#\s""]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PairPattern();

    [GeneratedRegex(@"(?<head>""(?:access_token|appsecret_proof|client_secret|fb_exchange_token|secret|refresh_token|code|auth_code|code_verifier|token)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JsonPattern();
}
