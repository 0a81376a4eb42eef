using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdPilot.Core.Common;
using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Campaigns;

/// <summary>
/// Puts a campaign, ad set or ad back to values the action log kept, through the <see cref="CampaignService"/> methods the
/// tools and the web app call, so the change syncs to the ad platform like any other; and says which logged changes can
/// be put back at all (docs/decisions/026).
/// </summary>
public sealed class CampaignReverts(IDbContextFactory<AppDbContext> dbFactory, CampaignService campaigns)
{
    private static readonly string[] StatusFields = ["status"];
    private static readonly string[] CampaignFields = ["name", "status", "budget_type", "budget", "start_date", "end_date"];
    private static readonly string[] AdSetFields = ["name", "budget_type", "budget", "targeting"];
    private const string TargetingPrefix = "ad_sets.";
    private const string TargetingSuffix = ".targeting";

    public static CampaignLevel? Level(string entityType) => entityType switch
    {
        CampaignChanges.CampaignType => CampaignLevel.Campaign,
        CampaignChanges.AdSetType => CampaignLevel.AdSet,
        CampaignChanges.AdType => CampaignLevel.Ad,
        _ => null,
    };

    /// <summary>Why a logged change cannot be put back (a sentence for the user), or null when it can.</summary>
    public static string? WhyNot(string action, string entityType, JsonNode? before, JsonNode? after)
    {
        var noun = entityType.Replace('_', ' ');
        if (action.StartsWith("create_", StringComparison.Ordinal))
        {
            return $"Undoing a creation would delete the {noun} on the ad platform, and an undo never deletes. Delete or pause it instead if that is what is wanted.";
        }

        if (action.StartsWith("delete_", StringComparison.Ordinal))
        {
            return $"A deleted {noun} cannot be brought back on the ad platform. This entry keeps its settings, to create it again.";
        }

        var fields = action switch
        {
            "pause_campaign" or "resume_campaign" or "pause_ad_set" or "resume_ad_set" or "pause_ad" or "resume_ad" => StatusFields,
            "update_campaign" => CampaignFields,
            "update_ad_set" => AdSetFields,
            _ => null,
        };
        if (fields is null || Level(entityType) is null || before is not JsonObject { Count: > 0 } state || after is not JsonObject)
        {
            return $"Undo puts back pauses, resumes and updates of campaigns, ad sets and ads; {action} is not a change it can re-apply.";
        }

        foreach (var (field, value) in state)
        {
            if (!fields.Contains(field) && !(action == "update_campaign" && AdSetOf(field) is not null))
            {
                return $"The {field.Replace('_', ' ')} of a {noun} cannot be re-applied by an undo.";
            }

            if (value is null)
            {
                return field is "budget" or "budget_type"
                    ? $"The {noun} had no budget of its own before, and an undo cannot take one away. Change it on the campaign's page instead."
                    : $"The {noun} had no {field.Replace('_', ' ')} before, and an undo cannot clear one that was set since. Change it on the campaign's page instead.";
            }
        }

        return null;
    }

    /// <summary>
    /// Applies the values (fields as <see cref="WhyNot"/> allows) step by step, as the tools do, and stops at the first step
    /// the ad platform did not take: the result then has <c>sync_failed</c> and the reason, like any write.
    /// </summary>
    public async Task<CampaignDetail> ApplyAsync(long userId, CampaignLevel level, long id, JsonObject values, CancellationToken ct = default)
    {
        var steps = level switch
        {
            CampaignLevel.Campaign => CampaignSteps(userId, id, values),
            CampaignLevel.AdSet => AdSetSteps(userId, await CampaignOfAdSetAsync(userId, id, ct), id, values),
            _ => [token => campaigns.SetStatusAsync(userId, CampaignLevel.Ad, id, Status(values["status"]), token)],
        };
        CampaignDetail? detail = null;
        foreach (var step in steps)
        {
            detail = await step(ct);
            if (detail.Campaign.SyncStatus == "sync_failed")
            {
                break;
            }
        }

        return detail ?? throw new InvalidOperationException("An undo with nothing to apply was not refused.");
    }

    private IEnumerable<Func<CancellationToken, Task<CampaignDetail>>> CampaignSteps(long userId, long id, JsonObject values)
    {
        var request = new UpdateCampaignRequest
        {
            Name = Text(values, "name"), BudgetType = Parse<BudgetType>(values["budget_type"]), Budget = values["budget"]?.GetValue<decimal>(),
            StartDate = Date(values, "start_date"), EndDate = Date(values, "end_date"),
        };
        if (request != new UpdateCampaignRequest())
        {
            yield return token => campaigns.UpdateAsync(userId, id, request, token);
        }

        if (values["status"] is { } status)
        {
            yield return token => campaigns.SetStatusAsync(userId, CampaignLevel.Campaign, id, Status(status), token);
        }

        foreach (var (field, targeting) in values)
        {
            if (AdSetOf(field) is { } adSetId)
            {
                yield return token => campaigns.UpdateAdSetAsync(userId, id, adSetId, new UpdateAdSetRequest { Targeting = Targeting(targeting) }, token);
            }
        }
    }

    private IEnumerable<Func<CancellationToken, Task<CampaignDetail>>> AdSetSteps(long userId, long campaignId, long id, JsonObject values)
    {
        var request = new UpdateAdSetRequest
        {
            Name = Text(values, "name"), BudgetType = Parse<BudgetType>(values["budget_type"]), Budget = values["budget"]?.GetValue<decimal>(),
            Targeting = values["targeting"] is { } targeting ? Targeting(targeting) : null,
        };
        if (request != new UpdateAdSetRequest())
        {
            yield return token => campaigns.UpdateAdSetAsync(userId, campaignId, id, request, token);
        }

        if (values["status"] is { } status)
        {
            yield return token => campaigns.SetStatusAsync(userId, CampaignLevel.AdSet, id, Status(status), token);
        }
    }

    private async Task<long> CampaignOfAdSetAsync(long userId, long adSetId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AdSets.Where(s => s.Id == adSetId && s.UserId == userId).Select(s => (long?)s.CampaignId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("AdSet", adSetId);
    }

    /// <summary>The ad set a campaign change's <c>ad_sets.{id}.targeting</c> field is about; null for any other field.</summary>
    private static long? AdSetOf(string field) =>
        field.StartsWith(TargetingPrefix, StringComparison.Ordinal) && field.EndsWith(TargetingSuffix, StringComparison.Ordinal)
        && long.TryParse(field.AsSpan(TargetingPrefix.Length, field.Length - TargetingPrefix.Length - TargetingSuffix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    private static DeliveryStatus Status(JsonNode? value) => Parse<DeliveryStatus>(value) ?? throw new JsonException("A status is required.");

    private static T? Parse<T>(JsonNode? value)
        where T : struct, Enum =>
        value is null ? null : Enum.Parse<T>(value.GetValue<string>().Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    private static string? Text(JsonObject values, string field) => values[field]?.GetValue<string>();

    private static DateOnly? Date(JsonObject values, string field) =>
        Text(values, field) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static TargetingInput Targeting(JsonNode? value) =>
        value.Deserialize<TargetingInput>(CampaignChanges.SnakeCase) ?? throw new JsonException("Targeting is required.");
}
