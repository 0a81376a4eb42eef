using System.Text.Json;
using System.Text.Json.Serialization;

namespace AdPilot.Core.Platforms.GoogleAds;

internal static class GoogleAdsJson
{
    /// <summary>The REST mapping of the protos: camelCase members, int64 as strings.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The OAuth token endpoint speaks snake_case.</summary>
    public static JsonSerializerOptions OAuth { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

internal sealed record GoogleTokenResponse(string? AccessToken, string? RefreshToken, long? ExpiresIn, long? RefreshTokenExpiresIn, string? Error, string? ErrorDescription);

internal sealed record GoogleAccessibleCustomers(List<string>? ResourceNames);

internal sealed record GoogleSearchBatch(List<GoogleAdsRow>? Results, string? RequestId);

internal sealed record GoogleAdsRow(
    GoogleCustomer? Customer,
    GoogleCampaign? Campaign,
    GoogleBudget? CampaignBudget,
    GoogleAdGroup? AdGroup,
    GoogleAdGroupAd? AdGroupAd,
    GoogleMetrics? Metrics,
    GoogleSegments? Segments);

internal sealed record GoogleCustomer(long? Id, string? DescriptiveName, string? CurrencyCode, string? TimeZone);

internal sealed record GoogleCampaign(long? Id, string? Name, string? Status, string? AdvertisingChannelType, string? StartDateTime, string? EndDateTime, string? CampaignBudget);

internal sealed record GoogleBudget(string? ResourceName, long? AmountMicros, long? TotalAmountMicros);

internal sealed record GoogleAdGroup(long? Id, string? Name, string? Status, string? Campaign);

internal sealed record GoogleAdGroupAd(string? Status, GoogleAd? Ad, GooglePolicySummary? PolicySummary = null);

internal sealed record GoogleAd(long? Id, string? Name);

internal sealed record GoogleMetrics(long? CostMicros, long? Impressions, long? Clicks, double? Conversions, double? ConversionsValue);

internal sealed record GoogleSegments(string? Date);

internal sealed record GoogleMutateResponse(List<GoogleMutateResult>? Results);

internal sealed record GoogleMutateResult(string? ResourceName);

internal sealed record GoogleErrorBody(GoogleError? Error);

internal sealed record GoogleError(int? Code, string? Message, string? Status, List<JsonElement>? Details);
