using System.ComponentModel.DataAnnotations;
using AdPilot.Core.Common;

namespace AdPilot.Core.Campaigns;

public sealed record TargetingInput
{
    /// <summary>ISO 3166 country codes, e.g. US, DE.</summary>
    [MaxLength(50, ErrorMessage = "At most 50 locations.")]
    public IReadOnlyList<string> Locations { get; init; } = ["US"];

    [Range(13, 65, ErrorMessage = "Minimum age must be between 13 and 65.")]
    public int? AgeMin { get; init; } = 18;

    [Range(13, 65, ErrorMessage = "Maximum age must be between 13 and 65.")]
    public int? AgeMax { get; init; } = 65;

    /// <summary>Empty: everyone; otherwise male and/or female.</summary>
    public IReadOnlyList<string> Genders { get; init; } = [];

    [MaxLength(50, ErrorMessage = "At most 50 interests.")]
    public IReadOnlyList<string> Interests { get; init; } = [];

    /// <summary>Empty: automatic placements; otherwise feed, stories, reels, search, video.</summary>
    public IReadOnlyList<string> Placements { get; init; } = [];
}

public sealed record AdInput
{
    [Required(ErrorMessage = "An ad needs a name."), StringLength(200)]
    public string Name { get; init; } = "";

    public long? CreativeId { get; init; }

    [StringLength(255)]
    public string? Headline { get; init; }

    [StringLength(2000)]
    public string? PrimaryText { get; init; }

    [StringLength(32)]
    public string? CallToAction { get; init; }

    [HttpUrl, StringLength(2048)]
    public string? LandingPageUrl { get; init; }

    /// <summary>One of the user's published landing pages: the ad's landing URL becomes the page's and follows it when it is republished.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "landingPageId must be a landing page's id.")]
    public long? LandingPageId { get; init; }
}

public sealed record AdSetInput
{
    [Required(ErrorMessage = "An ad set needs a name."), StringLength(200)]
    public string Name { get; init; } = "";

    public BudgetType? BudgetType { get; init; }

    [Range(typeof(decimal), "1", "1000000", ErrorMessage = "The budget must be between 1 and 1,000,000.")]
    public decimal? Budget { get; init; }

    public TargetingInput Targeting { get; init; } = new();

    public IReadOnlyList<AdInput> Ads { get; init; } = [];
}

public sealed record CreateCampaignRequest
{
    [Range(1, long.MaxValue, ErrorMessage = "Choose an ad account.")]
    public long AdAccountId { get; init; }

    [Required(ErrorMessage = "A campaign needs a name."), StringLength(200)]
    public string Name { get; init; } = "";

    public CampaignObjective Objective { get; init; } = CampaignObjective.Sales;

    public BudgetType BudgetType { get; init; } = BudgetType.Daily;

    [Range(typeof(decimal), "1", "1000000", ErrorMessage = "The budget must be between 1 and 1,000,000.")]
    public decimal Budget { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    /// <summary>New campaigns start paused on the platform unless this is true.</summary>
    public bool Activate { get; init; }

    public IReadOnlyList<AdSetInput> AdSets { get; init; } = [];
}

/// <summary>Absent fields stay as they are.</summary>
public sealed record UpdateCampaignRequest
{
    [StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    public BudgetType? BudgetType { get; init; }

    [Range(typeof(decimal), "1", "1000000", ErrorMessage = "The budget must be between 1 and 1,000,000.")]
    public decimal? Budget { get; init; }

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }
}

public sealed record UpdateAdSetRequest
{
    [StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    public BudgetType? BudgetType { get; init; }

    [Range(typeof(decimal), "1", "1000000", ErrorMessage = "The budget must be between 1 and 1,000,000.")]
    public decimal? Budget { get; init; }

    public TargetingInput? Targeting { get; init; }
}

public sealed record UpdateAdRequest
{
    [StringLength(200, MinimumLength = 1)]
    public string? Name { get; init; }

    public long? CreativeId { get; init; }

    [StringLength(255)]
    public string? Headline { get; init; }

    [StringLength(2000)]
    public string? PrimaryText { get; init; }

    [StringLength(32)]
    public string? CallToAction { get; init; }

    [HttpUrl, StringLength(2048)]
    public string? LandingPageUrl { get; init; }

    /// <summary>
    /// Links the ad to one of the user's published landing pages (its landing URL becomes the page's and follows it when it
    /// is republished); 0 removes the link and keeps the URL. Given with a landing page, <c>landingPageUrl</c> is ignored.
    /// </summary>
    [Range(0, long.MaxValue, ErrorMessage = "landingPageId must be a landing page's id, or 0 to remove the link.")]
    public long? LandingPageId { get; init; }
}

public sealed record CampaignQuery
{
    public long? AdAccountId { get; init; }
    public DeliveryStatus? Status { get; init; }
    public SyncStatus? SyncStatus { get; init; }

    [StringLength(200)]
    public string? Search { get; init; }

    /// <summary>created (newest first, default), name, budget.</summary>
    public string Sort { get; init; } = "created";

    public bool Descending { get; init; } = true;

    [Range(1, 100_000)]
    public int Page { get; init; } = 1;

    [Range(1, 100)]
    public int PageSize { get; init; } = 20;
}

public sealed record AdView(
    long Id, long AdSetId, string Name, string Status, long? CreativeId, string? Headline, string? PrimaryText, string? CallToAction,
    string? LandingPageUrl, string? PlatformAdId, string SyncStatus, string? SyncError, long? LandingPageId = null,
    string ReviewStatus = "unknown", string? ReviewReason = null);

public sealed record AdSetView(
    long Id, long CampaignId, string Name, string Status, BudgetType? BudgetType, decimal? Budget, TargetingInput Targeting,
    string? PlatformAdSetId, string SyncStatus, string? SyncError, IReadOnlyList<AdView> Ads);

public sealed record CampaignSummary(
    long Id, long AdAccountId, string AdAccountName, string Platform, string Name, CampaignObjective Objective, string Status,
    BudgetType BudgetType, decimal Budget, string Currency, DateOnly? StartDate, DateOnly? EndDate,
    string SyncStatus, string? SyncError, string? PlatformCampaignId, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record CampaignDetail(CampaignSummary Campaign, IReadOnlyList<AdSetView> AdSets);

public sealed record ImportSummary(int Campaigns, int AdSets, int Ads);

public enum CampaignLevel
{
    Campaign,
    AdSet,
    Ad,
}
