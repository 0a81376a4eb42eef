using Microsoft.Extensions.AI;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>What the offline agent does next: call tools, or answer.</summary>
internal abstract record OfflineStep;

internal sealed record CallStep(IReadOnlyList<ToolCall> Calls) : OfflineStep;

/// <summary>The final answer: Markdown, and charts or tables beside it.</summary>
internal sealed record AnswerStep(string Text, IReadOnlyList<AIContent> Data) : OfflineStep
{
    public AnswerStep(string text)
        : this(text, [])
    {
    }
}

/// <summary>A tool call with its arguments (snake_case, as the tools take them); null arguments are left out.</summary>
internal sealed record ToolCall(string Name, IReadOnlyDictionary<string, object?> Arguments)
{
    /// <summary>The call as text (tool and sorted arguments): equal calls have equal keys.</summary>
    public string Key => $"{Name}({string.Join(", ", Arguments.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={ToolRun.Text(a.Value)}"))})";

    public static ToolCall Of(string name, params (string Key, object? Value)[] arguments) =>
        new(name, arguments.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value));
}
