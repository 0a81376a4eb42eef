using System.Globalization;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Actions;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Reports;

namespace AdPilot.Web.Features.Chat;

/// <summary>How an action card reads: money fields with the currency, statuses as chips, the estimated effect's line.</summary>
public static class ActionValues
{
    public static bool IsStatus(string field) => field == "status";

    public static string Money(string field, JsonNode? value, string? currency) =>
        IsMoney(field) && value is JsonValue v && v.TryGetValue<decimal>(out var amount)
            ? currency is { Length: > 0 } ? ReportFormat.Money(amount, currency) : amount.ToString("N2", CultureInfo.CurrentCulture)
            : ActionFormat.Value(value);

    public static string? Text(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static MudBlazor.Color StatusColor(string? status) => status switch
    {
        "active" => MudBlazor.Color.Success,
        "paused" => MudBlazor.Color.Warning,
        "deleted" or "archived" => MudBlazor.Color.Error,
        _ => MudBlazor.Color.Default,
    };

    public static string? EffectSummary(AgentActionView action) => Text(action.Effect?["summary"]);

    public static string? Currency(AgentActionView action) => Text(action.Effect?["currency"]);

    private static bool IsMoney(string field) => field.Contains("budget", StringComparison.Ordinal) || field.Contains("bid", StringComparison.Ordinal)
        || field.Contains("spend", StringComparison.Ordinal) || field.Contains("cost", StringComparison.Ordinal);
}
