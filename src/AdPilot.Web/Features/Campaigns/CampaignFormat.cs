using System.Globalization;
using AdPilot.Core.Campaigns;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace AdPilot.Web.Features.Campaigns;

/// <summary>How campaigns read in the UI: money, budgets, status colours.</summary>
internal static class CampaignFormat
{
    public static string Money(decimal amount, string currency) =>
        string.Create(CultureInfo.CurrentCulture, $"{amount:N2} {currency}");

    public static string Budget(IStringLocalizer l, BudgetType? type, decimal? budget, string currency) => budget is not { } b
        ? "—"
        : string.Format(CultureInfo.CurrentCulture, l[type == BudgetType.Lifetime ? "Campaigns.Lifetime" : "Campaigns.Daily"], Money(b, currency));

    public static Color StatusColor(string status) => status switch
    {
        "active" => Color.Success,
        "paused" => Color.Default,
        _ => Color.Dark,
    };

    public static Color SyncColor(string sync) => sync switch
    {
        "synced" => Color.Success,
        "pending" => Color.Info,
        _ => Color.Error,
    };

    public static string Objective(CampaignObjective objective) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(objective.ToString());
}
