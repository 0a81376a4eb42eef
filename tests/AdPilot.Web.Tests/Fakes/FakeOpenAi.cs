using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>
/// A local OpenAI-compatible chat-completions endpoint (<c>POST {base}/v1/chat/completions</c>) that speaks the streaming
/// wire format as OpenAI documents it: <c>text/event-stream</c> of <c>chat.completion.chunk</c> objects — the role first,
/// <c>delta.content</c> pieces, tool calls as <c>delta.tool_calls[{index, id, type, function{name, arguments}}]</c> with
/// the arguments split over several deltas, a chunk with the <c>finish_reason</c>, a usage chunk with empty
/// <c>choices</c> when <c>stream_options.include_usage</c> is set, then <c>data: [DONE]</c>. Each request takes the next
/// scripted <see cref="OpenAiReply"/>; every request is recorded.
/// </summary>
public sealed class FakeOpenAi : FakeApiServer
{
    private const int ArgumentPieceLength = 7;
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    private readonly ConcurrentQueue<OpenAiReply> _script = new();
    private int _completions;

    private FakeOpenAi(string apiKey) => ApiKey = apiKey;

    public string ApiKey { get; }

    /// <summary>The chat-completions request bodies, in order.</summary>
    public IReadOnlyList<JsonElement> Chats => Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal))
        .Select(r => JsonSerializer.Deserialize<JsonElement>(r.Body)).ToList();

    public static async Task<FakeOpenAi> StartNewAsync(string apiKey)
    {
        var fake = new FakeOpenAi(apiKey);
        await fake.StartAsync();
        return fake;
    }

    /// <summary>Queues the replies to the next requests, in order (a request with nothing queued gets a 500).</summary>
    public void Script(params OpenAiReply[] replies)
    {
        _script.Clear();
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    protected override async Task HandleAsync(HttpContext context, string body)
    {
        if (context.Request.Method != "POST" || context.Request.Path != "/v1/chat/completions")
        {
            await ErrorAsync(context, 404, $"Invalid URL ({context.Request.Method} {context.Request.Path})", "invalid_request_error");
            return;
        }

        if (context.Request.Headers.Authorization != "Bearer " + ApiKey)
        {
            await ErrorAsync(context, 401, "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key");
            return;
        }

        var request = JsonNode.Parse(body)!;
        if (request["stream"]?.GetValue<bool>() != true)
        {
            await ErrorAsync(context, 400, "This fake answers streamed requests only.", "invalid_request_error");
            return;
        }

        var chunks = new ChunkWriter(context, (string)request["model"]!, request["stream_options"]?["include_usage"]?.GetValue<bool>() == true, Interlocked.Increment(ref _completions));
        switch (_script.TryDequeue(out var reply) ? reply : OpenAiReply.Error(500, "The fake has no reply scripted for this request."))
        {
            case OpenAiReply.Failure failure:
                context.Response.Headers.RetryAfter = failure.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await ErrorAsync(context, failure.Status, failure.Message, failure.Type);
                break;
            case OpenAiReply.Streamed streamed:
                await StreamAsync(chunks, streamed);
                break;
            case OpenAiBreak broken:
                await chunks.BeginAsync();
                foreach (var piece in broken.Pieces)
                {
                    await chunks.DeltaAsync(new JsonObject { ["content"] = piece });
                }

                await broken.DropSource.Task.WaitAsync(TimeSpan.FromSeconds(10), context.RequestAborted);
                context.Abort(); // the connection drops mid-answer: no finish_reason, no [DONE]
                break;
            case OpenAiStall stall:
                await chunks.BeginAsync();
                stall.StartedSource.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    stall.EndedSource.TrySetResult();
                }

                break;
        }
    }

    private static async Task StreamAsync(ChunkWriter chunks, OpenAiReply.Streamed reply)
    {
        await chunks.BeginAsync();
        foreach (var piece in reply.Pieces)
        {
            await chunks.DeltaAsync(new JsonObject { ["content"] = piece });
        }

        for (var index = 0; index < reply.Calls.Count; index++)
        {
            var call = reply.Calls[index];
            await chunks.DeltaAsync(new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = index, ["id"] = call.Id, ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = call.Name, ["arguments"] = "" },
                }),
            });
            for (var at = 0; at < call.Arguments.Length; at += ArgumentPieceLength)
            {
                var piece = call.Arguments.Substring(at, Math.Min(ArgumentPieceLength, call.Arguments.Length - at));
                await chunks.DeltaAsync(new JsonObject
                {
                    ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = index, ["function"] = new JsonObject { ["arguments"] = piece } }),
                });
            }
        }

        await chunks.FinishAsync(reply.Calls.Count > 0 ? "tool_calls" : "stop", reply.Usage);
    }

    private static async Task ErrorAsync(HttpContext context, int status, string message, string type, string? code = null)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { message, type, param = (string?)null, code } });
    }

    /// <summary>Writes the chunks of one streamed completion as server-sent events.</summary>
    private sealed class ChunkWriter(HttpContext context, string model, bool includeUsage, int number)
    {
        private readonly string _id = $"chatcmpl-fake{number:D6}";

        public async Task BeginAsync()
        {
            context.Response.ContentType = "text/event-stream; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await DeltaAsync(new JsonObject { ["role"] = "assistant", ["content"] = "", ["refusal"] = null });
        }

        public Task DeltaAsync(JsonObject delta) => WriteAsync(Chunk(new JsonArray(Choice(delta, null))));

        public async Task FinishAsync(string finishReason, OpenAiUsage usage)
        {
            await WriteAsync(Chunk(new JsonArray(Choice(new JsonObject(), finishReason))));
            if (includeUsage)
            {
                var last = Chunk([]);
                last["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = usage.PromptTokens,
                    ["completion_tokens"] = usage.CompletionTokens,
                    ["total_tokens"] = usage.PromptTokens + usage.CompletionTokens,
                };
                await WriteAsync(last);
            }

            await context.Response.WriteAsync("data: [DONE]\n\n");
            await context.Response.Body.FlushAsync();
        }

        private static JsonObject Choice(JsonObject delta, string? finishReason) =>
            new() { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason };

        private JsonObject Chunk(JsonArray choices)
        {
            var chunk = new JsonObject
            {
                ["id"] = _id, ["object"] = "chat.completion.chunk", ["created"] = 1_764_000_000, ["model"] = model,
                ["system_fingerprint"] = "fp_fake", ["choices"] = choices,
            };
            if (includeUsage)
            {
                chunk["usage"] = null; // every chunk but the last carries a null usage when usage was asked for
            }

            return chunk;
        }

        private async Task WriteAsync(JsonObject chunk)
        {
            await context.Response.WriteAsync("data: " + chunk.ToJsonString(Compact) + "\n\n");
            await context.Response.Body.FlushAsync();
        }
    }
}
