using AdPilot.Web.Hosting.Security;
using Scalar.AspNetCore;

namespace AdPilot.Web.Api;

/// <summary>The OpenAPI document and the Scalar reference at /docs, served with no third-party requests.</summary>
internal static class ApiDocs
{
    /// <summary>Public (anonymous) when <c>Api:PublicDocs</c> says so; by default only in Development, elsewhere for signed-in users.</summary>
    public static void MapApiDocs(this WebApplication app)
    {
        var isPublic = app.Configuration.GetValue<bool?>("Api:PublicDocs") ?? app.Environment.IsDevelopment();
        var document = app.MapOpenApi();
        var reference = app.MapScalarApiReference("/docs", (o, http) => o
            .WithTitle("AdPilot API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts() // Inter and JetBrains Mono come from a CDN; the system fonts need nothing
            .DisableTelemetry()
            .DisableAgent() // Scalar's AI chat would send the API document to Scalar's cloud
            .DisableMcp()
            .HideDeveloperTools() // its "Deploy" and "Generate SDK" links lead to Scalar's hosted services
            .WithNonce(SecurityHeadersMiddleware.NonceOf(http)));
        if (isPublic)
        {
            document.AllowAnonymous();
            reference.AllowAnonymous();
        }
        else
        {
            document.RequireAuthorization();
            reference.RequireAuthorization();
        }
    }
}
