using System.Text.Json;
using System.Text.Json.Serialization;
using AdPilot.Web.Api.RateLimiting;
using Microsoft.AspNetCore.Http.Json;

namespace AdPilot.Web.Api;

internal static class ApiSetup
{
    public static void AddApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.Section));
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        });
        // Binding failures (malformed JSON, wrong types) throw, so the exception handler answers them as ProblemDetails.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            ctx.ProblemDetails.Extensions.TryAdd("code", ApiProblems.CodeFor(status));
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>()?.Path
                ?? ctx.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "AdPilot API";
            doc.Info.Description = "REST API of AdPilot. Authenticate with a bearer token from POST /api/v1/auth/token (signed in) or /api/v1/auth/dev-token (Development).";
            return Task.CompletedTask;
        }));
        builder.AddHealth();
        builder.AddApiRateLimit();
    }
}
