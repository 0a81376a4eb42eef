using Microsoft.AspNetCore.Http;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>A webhook receiver on loopback: records every delivery (headers, raw body) and answers 204.</summary>
public sealed class FakeWebhookReceiver : FakeApiServer
{
    public static async Task<FakeWebhookReceiver> StartNewAsync()
    {
        var receiver = new FakeWebhookReceiver();
        await receiver.StartAsync();
        return receiver;
    }

    protected override Task HandleAsync(HttpContext context, string body)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }
}
