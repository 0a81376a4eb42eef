using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AdPilot.Core.Alerts;

/// <summary>
/// The signature of a webhook delivery (ADR 040): header <c>X-AdPilot-Signature: t={unix seconds},v1={hex}</c>, where
/// hex = lowercase HMAC-SHA256, keyed with the UTF-8 bytes of the whole signing secret, over <c>"{t}.{raw body}"</c>.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-AdPilot-Signature";
    public const string SecretPrefix = "whsec_";

    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
