using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdPilot.Core.Platforms.TikTok;

internal static class TikTokJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>Every TikTok response: HTTP 200 with <c>code</c> 0 on success, an error code otherwise.</summary>
internal sealed record TikTokEnvelope<T>(int Code, string? Message, string? RequestId, T? Data);

internal sealed record TikTokTokenData(string? AccessToken, string? RefreshToken, long? AccessTokenExpiresIn, long? RefreshTokenExpiresIn, List<string>? AdvertiserIds);

internal sealed record TikTokList<T>(List<T>? List, TikTokPageInfo? PageInfo);

internal sealed record TikTokPageInfo(int Page, int PageSize, int TotalNumber, int TotalPage);

internal sealed record TikTokAdvertiser(string AdvertiserId, string? AdvertiserName);

internal sealed record TikTokAdvertiserInfo(string AdvertiserId, string? Name, string? Currency, string? Timezone);

internal sealed record TikTokCampaignDto(string CampaignId, string? CampaignName, string? ObjectiveType, string? OperationStatus, string? BudgetMode, decimal? Budget);

internal sealed record TikTokAdGroupDto(string AdgroupId, string? CampaignId, string? AdgroupName, string? OperationStatus, string? BudgetMode, decimal? Budget);

internal sealed record TikTokAdDto(string AdId, string? AdgroupId, string? AdName, string? OperationStatus, List<string>? ImageIds, string? VideoId, string? SecondaryStatus = null);

internal sealed record TikTokCreated(string? CampaignId, string? AdgroupId, List<string>? AdIds, string? ImageId);

internal sealed record TikTokReportRow(Dictionary<string, string?>? Dimensions, Dictionary<string, JsonElement>? Metrics);
