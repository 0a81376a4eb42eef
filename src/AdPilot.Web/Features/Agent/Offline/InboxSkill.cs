namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>"Any new notifications?" (get_notifications, unread ones when asked) and "how many unread?" (get_unread_count).</summary>
internal static class InboxSkill
{
    public static OfflineStep Unread(OfflineTurn turn)
    {
        var call = ToolCall.Of("get_unread_count");
        if (turn.Need(call) is { } step)
        {
            return step;
        }

        var count = turn.Result(call).Long("count");
        return new AnswerStep(count == 0 ? turn.T("You have no unread notifications.", "你没有未读通知。")
            : turn.T($"You have **{count}** unread notification{(count == 1 ? "" : "s")}. Ask \"show my unread notifications\" to read them.", $"你有 **{count}** 条未读通知。可以说「显示未读通知」查看。"));
    }

    public static OfflineStep List(OfflineTurn turn)
    {
        var call = ToolCall.Of("get_notifications", ("is_read", turn.Request.Unread ? false : null), ("page_size", 10));
        if (turn.Need(call) is { } step)
        {
            return step;
        }

        var items = turn.Result(call).Items("items").ToList();
        if (items.Count == 0)
        {
            return new AnswerStep(turn.Request.Unread ? turn.T("No unread notifications.", "没有未读通知。") : turn.T("You have no notifications.", "你没有通知。"));
        }

        var lines = items.Select(n => $"- {(n.Bool("is_read") ? "" : "**")}{n.Str("title")}{(n.Bool("is_read") ? "" : "**")} · {n.Str("type")} · {n.Str("created_at")[..Math.Min(10, n.Str("created_at").Length)]}"
            + (n.Str("body").Length > 0 ? $"\n  {n.Str("body").Split('\n')[0]}" : ""));
        var total = turn.Result(call).Long("total");
        return new AnswerStep(turn.T($"{(turn.Request.Unread ? "Unread notifications" : "Your latest notifications")} ({items.Count} of {total}):", $"{(turn.Request.Unread ? "未读通知" : "最新通知")}（{total} 条中的 {items.Count} 条）：")
            + "\n\n" + string.Join("\n", lines));
    }
}
