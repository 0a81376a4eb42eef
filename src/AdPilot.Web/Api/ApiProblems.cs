namespace AdPilot.Web.Api;

/// <summary>Writes an RFC 9457 problem with the stable <c>code</c> every AdPilot error carries.</summary>
internal static class ApiProblems
{
    public static async Task WriteAsync(HttpContext http, int status, string code, string detail, IDictionary<string, string[]>? errors = null)
    {
        http.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        if (errors is not null)
        {
            problem.Extensions["errors"] = errors;
        }

        var service = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await service.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>The code a bare status gets when nothing more specific was said.</summary>
    public static string CodeFor(int status) => status switch
    {
        400 => "bad_request",
        401 => "unauthenticated",
        402 => "insufficient_credits",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        409 => "conflict",
        413 => "payload_too_large",
        415 => "unsupported_media_type",
        429 => "rate_limited",
        _ when status >= 500 => "internal_error",
        _ => "error",
    };
}
