using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AdPilot.Core.Platforms.Simulated;

/// <summary>
/// The simulated platform's OAuth: one-time codes (with PKCE) and HMAC-signed tokens that carry who consented and when
/// they expire, so they survive restarts. A revoked grant id is refused.
/// </summary>
internal sealed class SimulatedTokens(SimulatedPlatformOptions options, TimeProvider clock)
{
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<string, PendingCode> _codes = new();

    public readonly record struct Grant(long Subject, string GrantId, DateTime ExpiresAt);

    private sealed record PendingCode(long Subject, string? Challenge, string RedirectUri, DateTime ExpiresAt);

    public string IssueCode(long subject, string? codeChallenge, Uri redirectUri)
    {
        var code = "simcode_" + Base64Url(RandomNumberGenerator.GetBytes(24));
        _codes[code] = new PendingCode(subject, codeChallenge, redirectUri.ToString(), Now + CodeLifetime);
        return code;
    }

    public PlatformTokens Exchange(CodeExchange exchange)
    {
        if (!_codes.TryRemove(exchange.Code, out var pending) || pending.ExpiresAt < Now)
        {
            throw new PlatformException(PlatformErrorKind.Validation, "The authorization code is invalid, expired or was already used.", "invalid_grant");
        }

        if (pending.RedirectUri != exchange.RedirectUri.ToString())
        {
            throw new PlatformException(PlatformErrorKind.Validation, "redirect_uri does not match the authorization request.", "invalid_grant");
        }

        if (pending.Challenge is not null
            && (exchange.CodeVerifier is null || Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(exchange.CodeVerifier))) != pending.Challenge))
        {
            throw new PlatformException(PlatformErrorKind.Validation, "The PKCE code verifier does not match the challenge.", "invalid_grant");
        }

        return Issue(pending.Subject, Guid.NewGuid().ToString("N"));
    }

    public PlatformTokens Issue(long subject, string grantId)
    {
        var access = Now + options.TokenLifetime;
        var refresh = Now + options.RefreshTokenLifetime;
        return new PlatformTokens(Sign("at", subject, grantId, access), Sign("rt", subject, grantId, refresh), access, refresh);
    }

    /// <summary>Reads a token of the kind; an altered, expired or revoked one is "expired": the user must authorise again.</summary>
    public Grant Validate(string token, string kind, IReadOnlySet<string> revoked)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != "sim_" + kind
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[2]), Encoding.ASCII.GetBytes(Mac(parts[0] + "." + parts[1]))))
        {
            throw Expired("The access token is malformed or was not issued by this platform.");
        }

        var fields = Encoding.UTF8.GetString(FromBase64Url(parts[1])).Split('|');
        var grant = new Grant(long.Parse(fields[0], CultureInfo.InvariantCulture), fields[1],
            DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[2], CultureInfo.InvariantCulture)).UtcDateTime);
        if (grant.ExpiresAt <= Now)
        {
            throw Expired("The access token has expired.");
        }

        return revoked.Contains(grant.GrantId) ? throw Expired("The grant was revoked.") : grant;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static PlatformException Expired(string message) => new(PlatformErrorKind.AuthExpired, message, "invalid_token");

    private string Sign(string kind, long subject, string grantId, DateTime expires)
    {
        var head = "sim_" + kind + "." + Base64Url(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{subject}|{grantId}|{new DateTimeOffset(expires).ToUnixTimeSeconds()}|{Base64Url(RandomNumberGenerator.GetBytes(8))}")));
        return head + "." + Mac(head);
    }

    private string Mac(string data) => Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.TokenSecret), Encoding.UTF8.GetBytes(data)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string s)
    {
        var padded = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
