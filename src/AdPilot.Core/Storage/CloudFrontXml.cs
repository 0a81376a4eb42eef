using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AdPilot.Core.Storage;

/// <summary>The XML of CloudFront's 2020-05-31 API: the InvalidationBatch request body and what comes back.</summary>
internal static class CloudFrontXml
{
    public static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    public static byte[] InvalidationBatch(string callerReference, IReadOnlyList<string> paths)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(Ns + "InvalidationBatch",
                new XElement(Ns + "CallerReference", callerReference),
                new XElement(Ns + "Paths",
                    new XElement(Ns + "Items", paths.Select(p => new XElement(Ns + "Path", p))),
                    new XElement(Ns + "Quantity", paths.Count))));
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>The Id of a created invalidation, or null when the body is not the documented Invalidation element.</summary>
    public static string? InvalidationId(string body) => Read(body)?.Root?.Element(Ns + "Id")?.Value;

    /// <summary>Code and Message of an ErrorResponse (empty when the body is not one, e.g. a proxy's HTML page).</summary>
    public static (string Code, string Message) Error(string body)
    {
        var error = Read(body)?.Root?.Element(Ns + "Error");
        return (error?.Element(Ns + "Code")?.Value ?? "", error?.Element(Ns + "Message")?.Value ?? "");
    }

    private static XDocument? Read(string body)
    {
        try
        {
            return XDocument.Parse(body);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
