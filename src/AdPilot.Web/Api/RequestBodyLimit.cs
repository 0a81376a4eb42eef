using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;

namespace AdPilot.Web.Api;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Largest accepted API request body; upload endpoints raise it for themselves.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}

/// <summary>Refuses oversize API bodies up front with a ProblemDetails 413, and caps chunked bodies as they stream.</summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? options.Value.MaxRequestBodyBytes;
        if (http.Request.ContentLength > limit)
        {
            await ApiProblems.WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "payload_too_large",
                $"The request body is larger than the {limit:N0} bytes this endpoint accepts.");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(http);
    }
}
