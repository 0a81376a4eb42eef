using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>One round of a turn: what the user asked, who they are, and the tool calls made so far with their results.</summary>
internal sealed class OfflineTurn(OfflineRequest request, AgentContext context, IReadOnlyList<ToolRun> runs)
{
    public OfflineRequest Request => request;
    public AgentContext Context => context;
    public IReadOnlyList<ToolRun> Runs => runs;
    public bool Zh => request.Zh;

    /// <summary>English or Simplified Chinese, as the user wrote.</summary>
    public string T(string en, string zh) => Zh ? zh : en;

    public ToolRun? Run(ToolCall call) => runs.FirstOrDefault(r => r.Is(call));

    public JsonElement Result(ToolCall call) => Run(call)?.Result ?? default;

    /// <summary>
    /// Null when every call has its result; else the calls still to make (all at once), or, when one failed and failures are
    /// not expected, the answer that says so.
    /// </summary>
    public OfflineStep? Need(IEnumerable<ToolCall> calls, bool tolerateErrors = false)
    {
        var wanted = calls.ToList();
        if (!tolerateErrors && wanted.Select(Run).FirstOrDefault(r => r?.Failed == true) is { } failed)
        {
            return Answers.Failed(this, failed);
        }

        var missing = wanted.Where(c => Run(c) is null).DistinctBy(c => c.Key).ToList();
        return missing.Count > 0 ? new CallStep(missing) : null;
    }

    public OfflineStep? Need(params ToolCall[] calls) => Need(calls, false);

    /// <summary>The ad accounts to ask about one by one: the ones the user named, else one call for all (null).</summary>
    public IReadOnlyList<long?> AccountScopes => request.Accounts.Count > 0 ? [.. request.Accounts.Select(a => (long?)a.Id)] : [null];

    public string AccountName(long id) => context.Accounts.FirstOrDefault(a => a.Id == id)?.Name ?? $"#{id}";
}
