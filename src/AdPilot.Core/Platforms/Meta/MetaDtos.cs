using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdPilot.Core.Platforms.Meta;

internal static class MetaJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}

internal sealed record MetaTokenResponse(string? AccessToken, string? TokenType, long? ExpiresIn);

internal sealed record MetaPage<T>(List<T>? Data, MetaPaging? Paging);

internal sealed record MetaPaging(MetaCursors? Cursors, string? Next);

internal sealed record MetaCursors(string? Before, string? After);

internal sealed record MetaId(string Id);

internal sealed record MetaAdAccountDto(string Id, string? Name, string? Currency, string? TimezoneName);

internal sealed record MetaCampaignDto(
    string Id, string? Name, string? Objective, string? Status, long? DailyBudget, long? LifetimeBudget, DateTimeOffset? StartTime, DateTimeOffset? StopTime);

internal sealed record MetaAdSetDto(string Id, string? CampaignId, string? Name, string? Status, long? DailyBudget, long? LifetimeBudget);

internal sealed record MetaAdDto(string Id, string? AdsetId, string? Name, string? Status, MetaId? Creative, string? EffectiveStatus = null, MetaReviewFeedback? AdReviewFeedback = null);

internal sealed record MetaActionValue(string ActionType, decimal Value);

internal sealed record MetaInsightDto(
    string? DateStart,
    string? CampaignId,
    string? AdsetId,
    string? AdId,
    string? AccountCurrency,
    decimal? Spend,
    long? Impressions,
    long? Clicks,
    List<MetaActionValue>? Actions,
    List<MetaActionValue>? ActionValues);

internal sealed record MetaErrorBody(MetaError? Error);

internal sealed record MetaError(string? Message, string? Type, int? Code, int? ErrorSubcode, string? FbtraceId, bool? IsTransient);

internal sealed record MetaUsage(double? CallCount, double? TotalCputime, double? TotalTime, double? EstimatedTimeToRegainAccess)
{
    public double Highest => Math.Max(CallCount ?? 0, Math.Max(TotalCputime ?? 0, TotalTime ?? 0));
}
