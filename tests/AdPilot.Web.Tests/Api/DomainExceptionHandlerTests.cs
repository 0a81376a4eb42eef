using AdPilot.Web.Api;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AdPilot.Web.Tests.Api;

public sealed class DomainExceptionHandlerTests
{
    [Fact]
    public async Task TryHandle_AfterReExecutionToTheErrorPath_LogsTheOriginalPath()
    {
        var logs = new CapturingLoggerProvider();
        await using var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddProblemDetails().BuildServiceProvider();
        var exception = new InvalidOperationException("boom");
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Method = "POST";
        http.Request.Path = "/error"; // where UseExceptionHandler("/error") re-executes the request
        http.Response.Body = new MemoryStream();
        http.Features.Set<IExceptionHandlerPathFeature>(new ExceptionHandlerFeature { Path = "/api/v1/campaigns", Error = exception });
        var handler = new DomainExceptionHandler(services.GetRequiredService<ILogger<DomainExceptionHandler>>());

        var handled = await handler.TryHandleAsync(http, exception, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        var line = Assert.Single(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
        Assert.Contains("Unhandled exception for POST /api/v1/campaigns", line, StringComparison.Ordinal);
    }
}
