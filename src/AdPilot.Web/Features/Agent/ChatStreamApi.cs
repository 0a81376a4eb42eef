using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.Common;
using Microsoft.AspNetCore.Http.Features;

namespace AdPilot.Web.Features.Agent;

/// <summary>
/// <c>POST /api/chat</c> (docs/decisions/025): the agent for apps built with the AI SDK's <c>useChat</c>. Bearer tokens
/// only (an API JWT or a personal access token), never the browser's cookie, so no other site can make a signed-in
/// browser spend its credits. Everything that can refuse the turn is checked before the stream starts and answered as a
/// ProblemDetails; then the turn streams as the AI SDK's UI message stream, one flushed server-sent event per chunk.
/// </summary>
internal static class ChatStreamApi
{
    public const string Path = "/api/chat";
    public const string BearerOnly = "ChatBearer";
    public const string HeaderName = "x-vercel-ai-ui-message-stream";

    /// <summary>A whole <c>useChat</c> history with tool outputs can pass the API's usual 1 MB; only the last message is read.</summary>
    public const long MaxBodyBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] Done = "data: [DONE]\n\n"u8.ToArray();

    public static void MapChatStreamApi(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, StreamChat)
            .WithTags("Agent")
            .RequireAuthorization(BearerOnly)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxBodyBytes))
            .Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    /// <summary>
    /// Runs one turn of the agent with the last user message and streams it as the AI SDK's UI message stream
    /// (<c>x-vercel-ai-ui-message-stream: v1</c>). Send <c>conversationId</c> (from the <c>start</c> chunk's
    /// <c>messageMetadata</c>) to continue a conversation. 402 <c>insufficient_credits</c>, 409 <c>turn_in_progress</c>
    /// and 404 are answered before anything streams; closing the connection stops the turn, and a stopped or failed
    /// turn is not charged.
    /// </summary>
    private static async Task StreamChat(ChatStreamRequest request, HttpContext http, AgentService agent)
    {
        RequestValidator.Validate(request);
        await using var turn = await agent.StartAsync(http.User, request.ToTurnRequest(), http.RequestAborted);

        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers[HeaderName] = "v1";
        response.Headers["X-Accel-Buffering"] = "no"; // proxies such as nginx would hold the stream back
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        // A client gone mid-turn stops the turn; the events left are read to the end so the turn is over before it is disposed.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var chunks = new UiMessageChunks();
        var open = true;
        await foreach (var e in turn.RunAsync(stop.Token))
        {
            open = open && await TryWriteAsync(response, chunks.For(e).Select(c => Event(c)), stop);
        }

        if (open)
        {
            await TryWriteAsync(response, [Done], stop);
        }
    }

    private static byte[] Event(JsonObject chunk) => Encoding.UTF8.GetBytes("data: " + chunk.ToJsonString(Json) + "\n\n");

    private static async Task<bool> TryWriteAsync(HttpResponse response, IEnumerable<byte[]> events, CancellationTokenSource stop)
    {
        try
        {
            foreach (var bytes in events)
            {
                await response.Body.WriteAsync(bytes, stop.Token);
                await response.Body.FlushAsync(stop.Token);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            await stop.CancelAsync();
            return false;
        }
    }
}
