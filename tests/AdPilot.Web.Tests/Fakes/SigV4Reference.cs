using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>
/// A test-only Signature Version 4 check written from AWS's specification, independent of the AWS SDK: rebuilds the
/// canonical request from what arrived on the wire, the string to sign and the derived signing key, and compares
/// signatures. Returns why a request is refused, or null when it is correctly signed.
/// </summary>
public static class SigV4Reference
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    public static string? Problem(HttpRequest request, byte[] body, string accessKey, string secretKey, string region, string service, DateTimeOffset now)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            return "the Authorization header is not AWS4-HMAC-SHA256";
        }

        var fields = authorization[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature))
        {
            return "the Authorization header lacks Credential, SignedHeaders or Signature";
        }

        if (credential.Split('/') is not [var key, var date, var scopeRegion, var scopeService, "aws4_request"])
        {
            return $"the credential scope is malformed: {credential}";
        }

        if (key != accessKey || scopeRegion != region || scopeService != service)
        {
            return $"the credential scope names {key}/{scopeRegion}/{scopeService}, not {accessKey}/{region}/{service}";
        }

        var amzDate = request.Headers["x-amz-date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var signedAt)
            || !amzDate.StartsWith(date, StringComparison.Ordinal) || (now - signedAt).Duration() > TimeSpan.FromMinutes(5))
        {
            return $"x-amz-date '{amzDate}' is missing, outside the scope's day or more than 5 minutes off";
        }

        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date") || !names.SequenceEqual(names.Order(StringComparer.Ordinal))
            || names.Any(n => n.Any(char.IsAsciiLetterUpper)))
        {
            return $"SignedHeaders '{signedHeaders}' must be sorted lowercase names including host and x-amz-date";
        }

        var canonicalHeaders = string.Concat(names.Select(n => $"{n}:{string.Join(',', request.Headers[n].Select(Collapse))}\n"));
        var canonicalRequest = string.Join('\n',
            request.Method,
            CanonicalUri(request.Path.Value ?? "/"),
            CanonicalQuery(request.QueryString.Value),
            canonicalHeaders,
            signedHeaders,
            Hex(SHA256.HashData(body)));
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";
        var signingKey = new[] { date, region, service, "aws4_request" }
            .Aggregate(Encoding.UTF8.GetBytes("AWS4" + secretKey), (k, part) => HMACSHA256.HashData(k, Encoding.UTF8.GetBytes(part)));
        var expected = Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        return expected == signature ? null : "the signature does not match the request";
    }

    /// <summary>Every segment encoded once more (non-S3 services sign the already-encoded path encoded again).</summary>
    private static string CanonicalUri(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    private static string CanonicalQuery(string? query) =>
        string.IsNullOrEmpty(query) || query == "?"
            ? ""
            : string.Join('&', query.TrimStart('?').Split('&').Select(p => p.Contains('=') ? p : p + "=").Order(StringComparer.Ordinal));

    private static string Collapse(string? value) => string.Join(' ', (value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
