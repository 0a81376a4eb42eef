namespace AdPilot.Core.Actions;

/// <summary>
/// When a change must be confirmed before it is applied, for every writer that is not a person clicking a button
/// (MCP clients, the agent, automation rules): deletions, and budget raises of more than half.
/// </summary>
public static class WriteRules
{
    /// <summary>A raise above this factor of the current budget needs confirmation.</summary>
    public const decimal BigRaiseFactor = 1.5m;

    public static bool IsBigBudgetRaise(decimal? before, decimal? after) =>
        before is { } from && after is { } to && from > 0 && to > from * BigRaiseFactor;
}
