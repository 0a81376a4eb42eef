using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>An invalidation CloudFront accepted: its id, the caller's reference and the paths.</summary>
public sealed record FakeInvalidation(string Id, string CallerReference, IReadOnlyList<string> Paths);

/// <summary>
/// A local CloudFront API (2020-05-31) for CreateInvalidation: checks the SigV4 signature with
/// <see cref="SigV4Reference"/> (service cloudfront, region us-east-1), parses the InvalidationBatch XML, answers 201
/// with the Invalidation XML and a Location header, or the documented ErrorResponse (Throttling, ServiceUnavailable,
/// SignatureDoesNotMatch, InconsistentQuantities, BatchTooLarge, NoSuchDistribution). A repeated CallerReference
/// returns the invalidation it created, as CloudFront does.
/// </summary>
public sealed partial class FakeCloudFront : FakeApiServer
{
    public const string AccessKey = "AKIDCLOUDFRONTFAKE01";
    public const string SecretKey = "cloudfront-fake-secret/Key+0123456789";
    public const string DistributionId = "E2QWRUHEXAMPLE";

    private static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private readonly ConcurrentDictionary<string, FakeInvalidation> _byReference = new(StringComparer.Ordinal);

    public ConcurrentQueue<FakeInvalidation> Invalidations { get; } = new();

    /// <summary>The key pair requests must be signed with (the app signs with the pair of Storage:S3).</summary>
    public (string AccessKey, string SecretKey) Credentials { get; set; } = (AccessKey, SecretKey);

    /// <summary>Why requests were refused as badly signed.</summary>
    public ConcurrentQueue<string> SignatureProblems { get; } = new();

    public static async Task<FakeCloudFront> StartNewAsync()
    {
        var fake = new FakeCloudFront();
        await fake.StartAsync();
        return fake;
    }

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        using var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw);
        var problem = SigV4Reference.Problem(context.Request, raw.ToArray(), Credentials.AccessKey, Credentials.SecretKey, "us-east-1", "cloudfront", DateTimeOffset.UtcNow);
        if (problem is not null)
        {
            SignatureProblems.Enqueue(problem);
            await ErrorAsync(context, 403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
            return;
        }

        var route = InvalidationRoute().Match(context.Request.Path.Value ?? "");
        if (context.Request.Method != HttpMethods.Post || !route.Success || route.Groups[1].Value != DistributionId)
        {
            await ErrorAsync(context, 404, "NoSuchDistribution", "The specified distribution does not exist.");
            return;
        }

        if (TakeThrottle())
        {
            await ErrorAsync(context, 400, "Throttling", "Rate exceeded");
            return;
        }

        if (TakeServerError())
        {
            await ErrorAsync(context, 503, "ServiceUnavailable", "CloudFront is unavailable.", "Receiver");
            return;
        }

        var batch = XDocument.Parse(body).Root!;
        var paths = batch.Element(Ns + "Paths")?.Element(Ns + "Items")?.Elements(Ns + "Path").Select(p => p.Value).ToList() ?? [];
        var reference = batch.Element(Ns + "CallerReference")?.Value ?? "";
        if (batch.Name != Ns + "InvalidationBatch" || reference.Length == 0
            || batch.Element(Ns + "Paths")?.Element(Ns + "Quantity")?.Value != paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            await ErrorAsync(context, 400, "InconsistentQuantities", "The value of Quantity and the size of Items don't match.");
            return;
        }

        if (paths.Count is 0 or > 3000)
        {
            await ErrorAsync(context, 400, "BatchTooLarge", "Invalidation batch specified is too large.");
            return;
        }

        var invalidation = _byReference.GetOrAdd(reference, r =>
        {
            var created = new FakeInvalidation("I" + Guid.NewGuid().ToString("N")[..13].ToUpperInvariant(), r, paths);
            Invalidations.Enqueue(created);
            return created;
        });
        context.Response.StatusCode = 201;
        context.Response.ContentType = "text/xml";
        context.Response.Headers.Location = $"{BaseUrl}/2020-05-31/distribution/{DistributionId}/invalidation/{invalidation.Id}";
        await context.Response.WriteAsync(new XDocument(new XElement(Ns + "Invalidation",
            new XElement(Ns + "Id", invalidation.Id),
            new XElement(Ns + "Status", "InProgress"),
            new XElement(Ns + "CreateTime", DateTime.UtcNow.ToString("O")),
            new XElement(Ns + "InvalidationBatch",
                new XElement(Ns + "CallerReference", invalidation.CallerReference),
                new XElement(Ns + "Paths",
                    new XElement(Ns + "Quantity", invalidation.Paths.Count),
                    new XElement(Ns + "Items", invalidation.Paths.Select(p => new XElement(Ns + "Path", p))))))).ToString());
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message, string type = "Sender")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        return context.Response.WriteAsync(new XDocument(new XElement(Ns + "ErrorResponse",
            new XElement(Ns + "Error", new XElement(Ns + "Type", type), new XElement(Ns + "Code", code), new XElement(Ns + "Message", message)),
            new XElement(Ns + "RequestId", Guid.NewGuid().ToString()))).ToString());
    }

    [GeneratedRegex("^/2020-05-31/distribution/([A-Za-z0-9]+)/invalidation$")]
    private static partial Regex InvalidationRoute();
}
