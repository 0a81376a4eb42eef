namespace AdPilot.Core.Platforms;

/// <param name="State">Opaque anti-forgery value the callback must echo.</param>
/// <param name="CodeChallenge">S256 PKCE challenge, sent only when the platform supports PKCE.</param>
public sealed record AuthorizeRequest(Uri RedirectUri, string State, string? CodeChallenge);

public sealed record CodeExchange(string Code, Uri RedirectUri, string? CodeVerifier);

/// <summary>A grant as the platform issued it. Held only in memory; stored encrypted by the token vault.</summary>
public sealed record PlatformTokens(
    string AccessToken,
    string? RefreshToken,
    DateTime? ExpiresAt,
    DateTime? RefreshExpiresAt = null)
{
    /// <summary>Keeps tokens out of logs and exception messages if a record is ever formatted.</summary>
    public override string ToString() => $"PlatformTokens(expires {ExpiresAt:O}, refreshable {RefreshToken is not null})";
}

/// <summary>Which account a call acts on, with the token that may act on it.</summary>
public sealed record PlatformAccess(string AccountId, string AccessToken)
{
    public override string ToString() => $"PlatformAccess({AccountId})";
}

public sealed record PlatformAdAccount(string Id, string Name, string Currency, string TimeZone);

public enum PlatformLevel
{
    Account,
    Campaign,
    AdSet,
    Ad,
}

public enum PlatformStatus
{
    Active,
    Paused,
    Archived,
}

public enum PlatformBudgetType
{
    Daily,
    Lifetime,
}

public sealed record PlatformCampaign(
    string Id,
    string Name,
    string Objective,
    PlatformStatus Status,
    PlatformBudgetType? BudgetType,
    decimal? Budget,
    DateOnly? StartDate,
    DateOnly? EndDate);

public sealed record PlatformAdSet(
    string Id,
    string CampaignId,
    string Name,
    PlatformStatus Status,
    PlatformBudgetType? BudgetType,
    decimal? Budget);

/// <param name="LandingPageUrl">Where the ad sends people, when the platform's listing says (the simulated platform does).</param>
/// <param name="Review">The platform's policy review of the ad and, when rejected, its reason (null: not reported).</param>
public sealed record PlatformAd(string Id, string AdSetId, string Name, PlatformStatus Status, string? CreativeRef, string? LandingPageUrl = null, PlatformAdReview? Review = null);

/// <param name="Objective">AdPilot objective name (Awareness, Traffic, Engagement, Leads, AppPromotion, Sales); each client maps it.</param>
/// <param name="Budget">In the account currency's major unit (e.g. 25.50 USD); clients convert to cents or micros.</param>
public sealed record CampaignSpec(
    string Name,
    string Objective,
    PlatformStatus Status,
    PlatformBudgetType BudgetType,
    decimal Budget,
    DateOnly? StartDate,
    DateOnly? EndDate);

public sealed record Targeting(
    IReadOnlyList<string> Countries,
    int? AgeMin,
    int? AgeMax,
    IReadOnlyList<string> Genders,
    IReadOnlyList<string> Interests,
    IReadOnlyList<string> Placements)
{
    public static Targeting Everyone { get; } = new(["US"], null, null, [], [], []);
}

public sealed record AdSetSpec(
    string Name,
    PlatformStatus Status,
    PlatformBudgetType? BudgetType,
    decimal? Budget,
    Targeting Targeting);

public sealed record AdSpec(
    string Name,
    PlatformStatus Status,
    string? CreativeRef,
    string? Headline,
    string? PrimaryText,
    string? CallToAction,
    string? LandingPageUrl);

/// <param name="From">First day, inclusive, in the account's time zone.</param>
/// <param name="To">Last day, inclusive.</param>
public sealed record InsightsQuery(PlatformLevel Level, DateOnly From, DateOnly To);

/// <summary>One entity's numbers for one day. Ids above the row's level are filled where the platform returns them.</summary>
public sealed record PlatformInsightRow(
    DateOnly Date,
    string? CampaignId,
    string? AdSetId,
    string? AdId,
    decimal Spend,
    long Impressions,
    long Clicks,
    long Conversions,
    decimal Revenue,
    string Currency);

public enum CreativeMediaKind
{
    Image,
    Video,
}

public sealed record CreativeUpload(string FileName, string ContentType, CreativeMediaKind Kind, ReadOnlyMemory<byte> Content);
