using System.Text.RegularExpressions;

namespace AdPilot.Web.Tests.Fakes;

/// <summary>The token counts a reply reports in its final usage chunk (when the request asked for it).</summary>
public sealed record OpenAiUsage(int PromptTokens, int CompletionTokens);

/// <summary>A tool call the fake model makes; its JSON arguments are streamed in several pieces.</summary>
public sealed record OpenAiToolCall(string Id, string Name, string Arguments);

/// <summary>What <see cref="FakeOpenAi"/> answers to one chat-completions request, scripted by a test.</summary>
public abstract partial record OpenAiReply
{
    /// <summary>A streamed answer: the text in word-sized deltas, then the tool calls (if any), then the usage.</summary>
    public static OpenAiReply Text(string text, OpenAiUsage? usage = null) =>
        new Streamed(Words().Split(text).Where(p => p.Length > 0).ToList(), [], usage ?? new OpenAiUsage(200, 20));

    /// <summary>A streamed answer of tool calls only (finish_reason tool_calls).</summary>
    public static OpenAiReply ToolCalls(OpenAiUsage usage, params OpenAiToolCall[] calls) => new Streamed([], calls, usage);

    /// <summary>An HTTP error with OpenAI's error body, asking the client to wait <paramref name="retryAfterSeconds"/> before retrying.</summary>
    public static OpenAiReply Error(int status, string message, string type = "server_error", int retryAfterSeconds = 0) => new Failure(status, message, type, retryAfterSeconds);

    /// <summary>Streams this text, then drops the connection (no finish_reason, no [DONE]) once the test calls <see cref="OpenAiBreak.Drop"/>.</summary>
    public static OpenAiBreak BrokenAfter(string text) => new(Words().Split(text).Where(p => p.Length > 0).ToList());

    /// <summary>Starts the stream and then sends nothing more until the client goes away.</summary>
    public static OpenAiStall Stall() => new();

    internal sealed record Streamed(IReadOnlyList<string> Pieces, IReadOnlyList<OpenAiToolCall> Calls, OpenAiUsage Usage) : OpenAiReply;

    internal sealed record Failure(int Status, string Message, string Type, int RetryAfterSeconds) : OpenAiReply;


    /// <summary>Splits before each space, so the pieces join back to the text.</summary>
    [GeneratedRegex("(?= )")]
    private static partial Regex Words();
}

/// <summary>A reply that starts streaming and then goes silent until the client drops the request.</summary>
public sealed record OpenAiStall : OpenAiReply
{
    internal TaskCompletionSource StartedSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal TaskCompletionSource EndedSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the stream has begun (the role chunk was sent).</summary>
    public Task Started => StartedSource.Task;

    /// <summary>Completes when the client went away: the request was dropped, so a real provider would stop generating.</summary>
    public Task Ended => EndedSource.Task;
}

/// <summary>
/// A reply that streams part of an answer and then loses the connection. The fake holds the connection open until the
/// test has seen the part arrive and calls <see cref="Drop"/>: a reset sent sooner could take the unread part with it.
/// </summary>
public sealed record OpenAiBreak(IReadOnlyList<string> Pieces) : OpenAiReply
{
    internal TaskCompletionSource DropSource { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Drop() => DropSource.TrySetResult();
}
