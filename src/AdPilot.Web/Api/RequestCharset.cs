using System.Text;
using Microsoft.Net.Http.Headers;

namespace AdPilot.Web.Api;

/// <summary>
/// Refuses a body in a charset .NET cannot decode with a ProblemDetails 415 before anything reads it (the JSON and form
/// readers throw on an unknown charset, which would otherwise surface as a 500).
/// </summary>
internal sealed class RequestCharsetMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.Charset.HasValue && !IsKnown(type.Charset.Value!))
        {
            await ApiProblems.WriteAsync(http, StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                "The request body's charset is not supported. Send it in UTF-8.");
            return;
        }

        await next(http);
    }

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }
}
