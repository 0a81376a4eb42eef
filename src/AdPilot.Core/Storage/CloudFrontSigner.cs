using System.Globalization;
using System.Net.Http.Headers;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace AdPilot.Core.Storage;

/// <summary>
/// Signs a CloudFront API request with Signature Version 4. The canonical request (method, path, no query, the signed
/// headers, the SHA-256 of the body) is built here; the string to sign, the derived key and the Authorization value
/// come from the AWS SDK's own <see cref="AWS4Signer"/>. CloudFront is a global service signed for us-east-1.
/// </summary>
internal static class CloudFrontSigner
{
    public const string Service = "cloudfront";
    public const string Region = "us-east-1";

    public static HttpRequestMessage SignedPost(Uri url, byte[] body, string contentType, ImmutableCredentials credentials, DateTime signedAt)
    {
        var amzDate = signedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = contentType,
            ["host"] = url.Authority,
            ["x-amz-date"] = amzDate,
        };
        if (credentials.UseToken)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonicalRequest = string.Join('\n',
            "POST",
            url.AbsolutePath,
            "",
            string.Concat(headers.Select(h => $"{h.Key}:{h.Value.Trim()}\n")),
            signedHeaders,
            Convert.ToHexStringLower(AWS4Signer.ComputeHash(body)));
        var signature = AWS4Signer.ComputeSignature(credentials, Region, signedAt.ToUniversalTime(), Service, signedHeaders, canonicalRequest);

        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        if (credentials.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", credentials.Token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        return request;
    }
}
