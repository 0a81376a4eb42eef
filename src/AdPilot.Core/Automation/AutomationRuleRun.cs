using AdPilot.Core.Common;

namespace AdPilot.Core.Automation;

/// <summary>One run of a rule: when, why (manual or schedule), and what happened to each entity that matched.</summary>
public sealed class AutomationRuleRun : IOwned
{
    public long Id { get; set; }
    public long UserId { get; set; }
    public long RuleId { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string Trigger { get; set; } = RuleTriggers.Manual;
    public int Matched { get; set; }
    public int Acted { get; set; }
    public int Skipped { get; set; }
    public int Failed { get; set; }

    /// <summary>running, succeeded, partial (some actions failed), failed (nothing could be done), stopped (the rule turned itself off).</summary>
    public string Status { get; set; } = RunStatuses.Running;

    public string? Message { get; set; }
    public List<AutomationRuleRunItem> Items { get; set; } = [];
}

/// <summary>One matched entity in a run: its metric values, and the action taken or why it was skipped.</summary>
public sealed class AutomationRuleRunItem
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public string EntityType { get; set; } = "";
    public long EntityId { get; set; }
    public string EntityName { get; set; } = "";
    public string ValuesJson { get; set; } = "{}";

    /// <summary>acted, notified, skipped or failed.</summary>
    public string Outcome { get; set; } = "";

    /// <summary>For skipped and failed: cooldown, cap_reached, reauth_required, already_paused, already_active, no_budget, platform_error, rule_stopped.</summary>
    public string? Reason { get; set; }

    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Detail { get; set; }
    public long? ActionLogId { get; set; }
}

public static class RunStatuses
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Partial = "partial";
    public const string Failed = "failed";
    public const string Stopped = "stopped";
}

public static class RunOutcomes
{
    public const string Acted = "acted";
    public const string Notified = "notified";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
}

public static class SkipReasons
{
    public const string Cooldown = "cooldown";
    public const string CapReached = "cap_reached";
    public const string ReauthRequired = "reauth_required";
    public const string AlreadyPaused = "already_paused";
    public const string AlreadyActive = "already_active";
    public const string NoBudget = "no_budget";
    public const string PlatformError = "platform_error";
    public const string RuleStopped = "rule_stopped";
}
