using AdPilot.Core.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace AdPilot.Web.Api;

/// <summary>The one place domain errors become HTTP: each exception type has one status and keeps its stable code.</summary>
internal sealed class DomainExceptionHandler(ILogger<DomainExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && exception is not (DomainException or BadHttpRequestException))
        {
            return false; // pages show the error page instead
        }

        var (status, code, detail, errors) = exception switch
        {
            ValidationFailedException v => (400, v.Code, v.Message, v.Errors.ToDictionary(e => e.Key, e => e.Value)),
            NotFoundException n => (404, n.Code, n.Message, null),
            InsufficientCreditsException i => (402, i.Code, i.Message, null),
            ConflictException c => (409, c.Code, c.Message, null),
            ConfirmationRequiredException c => (409, c.Code, c.Message, null),
            ForbiddenException f => (403, f.Code, f.Message, null),
            UnauthorizedException u => (401, u.Code, u.Message, null),
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? "payload_too_large" : "invalid_request", BadRequestDetail(b), JsonFieldErrors(b)),
            _ when ServiceUnavailable.Is(exception) => (503, ServiceUnavailable.Code, ServiceUnavailable.Detail, null),
            _ => (500, "internal_error", "Something went wrong on our side. Try again; if it keeps happening, contact support.", (Dictionary<string, string[]>?)null),
        };
        if (status == 503)
        {
            logger.LogWarning("{Method} {Path} answered 503: a backing service is unavailable ({Error})", http.Request.Method, path, exception.GetType().Name);
        }
        else if (status >= 500)
        {
            // The original path: after re-execution http.Request.Path is the error handler's own (/error).
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, path);
        }

        if (http.Response.HasStarted)
        {
            return false;
        }

        if (status == 503)
        {
            ServiceUnavailable.SetRetryAfter(http);
        }

        await ApiProblems.WriteAsync(http, status, code, detail, errors);
        return true;
    }

    private static Dictionary<string, string[]>? JsonFieldErrors(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path }
            ? new Dictionary<string, string[]> { [path.TrimStart('$', '.')] = ["This value has the wrong type or format."] }
            : null;

    /// <summary>Binding messages name the problem without echoing the body or internal type names.</summary>
    private static string BadRequestDetail(BadHttpRequestException exception) =>
        exception.InnerException is System.Text.Json.JsonException
            ? "The request body is not valid JSON, or a field has the wrong type."
            : exception.Message;
}
