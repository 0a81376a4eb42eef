using System.Text;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>A write the agent wants, and how to describe it in the answer.</summary>
internal sealed record PlannedChange(ToolCall Call, string Description);

/// <summary>
/// Makes the write calls (the orchestrator turns each into a previewed, proposed action) and says what was proposed:
/// never that anything was done, unless a tool says it applied a change.
/// </summary>
internal static class Proposals
{
    public static OfflineStep Make(OfflineTurn turn, IReadOnlyList<PlannedChange> changes, string? preface = null, string? after = null)
    {
        if (turn.Need(changes.Select(c => c.Call), tolerateErrors: true) is { } step)
        {
            return step;
        }

        var (proposed, applied, failed, unchanged) = (new List<string>(), new List<string>(), new List<string>(), new List<string>());
        foreach (var change in changes)
        {
            var run = turn.Run(change.Call)!;
            if (run.Failed)
            {
                failed.Add($"- {change.Description}: {run.ErrorMessage} (`{run.ErrorCode}`)");
            }
            else if (run.Result.Get("proposed_action") is { } action)
            {
                var why = action.Str("confirm_because");
                proposed.Add($"- {change.Description}" + (why.Length > 0 ? turn.T($" — needs your confirmation: {why}", $"——需要你确认：{why}") : ""));
            }
            else if (run.Result.Bool("dry_run") && !run.Result.Items("changes").Any())
            {
                unchanged.Add($"- {change.Description}");
            }
            else
            {
                (run.Result.Bool("applied") ? applied : proposed).Add($"- {change.Description}");
            }
        }

        var text = new StringBuilder(preface is null ? "" : preface + "\n\n");
        if (proposed.Count > 0)
        {
            text.Append(proposed.Count == 1
                ? turn.T("I prepared 1 action — review and apply it below. Nothing changes until you apply it.", "我准备了 1 个操作——请在下方查看并应用。应用之前不会有任何改动。")
                : turn.T($"I prepared {proposed.Count} actions — review and apply them below. Nothing changes until you apply them.", $"我准备了 {proposed.Count} 个操作——请在下方查看并应用。应用之前不会有任何改动。"));
            text.Append("\n\n").AppendJoin('\n', proposed).Append("\n\n");
        }

        if (applied.Count > 0)
        {
            text.Append(turn.T("Applied:", "已应用：")).Append("\n\n").AppendJoin('\n', applied).Append("\n\n");
        }

        if (unchanged.Count > 0)
        {
            text.Append(turn.T("Nothing to change, it is so already:", "无需修改，已经是这样：")).Append("\n\n").AppendJoin('\n', unchanged).Append("\n\n");
        }

        if (failed.Count > 0)
        {
            text.Append(turn.T("These could not be prepared:", "以下操作无法准备：")).Append("\n\n").AppendJoin('\n', failed).Append("\n\n");
        }

        return new AnswerStep((text + (after ?? "")).TrimEnd());
    }

    public static string Verb(OfflineTurn turn, bool pause, string level, string name) => pause
        ? turn.T($"Pause {Names.Level(level, false)} \"{name}\"", $"暂停{Names.Level(level, true)}「{name}」")
        : turn.T($"Resume {Names.Level(level, false)} \"{name}\"", $"恢复{Names.Level(level, true)}「{name}」");
}
