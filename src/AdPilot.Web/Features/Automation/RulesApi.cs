using AdPilot.Core.Automation;
using AdPilot.Core.Common;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Automation;

/// <summary>Automation rules: the rules, a preview of what one (saved or draft) would do now, running one now, and its runs.</summary>
internal static class RulesApi
{
    public static void MapRulesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/rules").WithTags("Rules").RequireAuthorization();
        group.MapGet("/", ListRules);
        group.MapPost("/", CreateRule);
        group.MapPost("/preview", PreviewDraftRule);
        group.MapGet("/{id:long}", GetRule);
        group.MapPut("/{id:long}", UpdateRule);
        group.MapDelete("/{id:long}", DeleteRule);
        group.MapPost("/{id:long}/preview", PreviewRule);
        group.MapPost("/{id:long}/run", RunRule);
        group.MapGet("/{id:long}/runs", ListRuleRuns);
        group.MapGet("/{id:long}/runs/{runId:long}", GetRuleRun);
    }

    private static async Task<Ok<IReadOnlyList<RuleView>>> ListRules(HttpContext http, AutomationRuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.ListAsync(http.User.UserId(), ct));

    private static async Task<Created<RuleView>> CreateRule(SaveRuleRequest request, HttpContext http, AutomationRuleService rules, CancellationToken ct)
    {
        var rule = await rules.CreateAsync(http.User.UserId(), request, ct);
        return TypedResults.Created($"/api/v1/rules/{rule.Id}", rule);
    }

    /// <summary>What a rule that is not saved yet would do now: the matching entities and, for each, the change or why it is skipped.</summary>
    private static async Task<Ok<RulePreview>> PreviewDraftRule(SaveRuleRequest request, HttpContext http, AutomationRuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.PreviewAsync(http.User.UserId(), request, ct));

    private static async Task<Ok<RuleView>> GetRule(long id, HttpContext http, AutomationRuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.GetAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<RuleView>> UpdateRule(long id, SaveRuleRequest request, HttpContext http, AutomationRuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.UpdateAsync(http.User.UserId(), id, request, ct));

    private static async Task<NoContent> DeleteRule(long id, HttpContext http, AutomationRuleService rules, CancellationToken ct)
    {
        await rules.DeleteAsync(http.User.UserId(), id, ct);
        return TypedResults.NoContent();
    }

    /// <summary>What the saved rule would do if it ran now, its cool-downs included.</summary>
    private static async Task<Ok<RulePreview>> PreviewRule(long id, HttpContext http, AutomationRuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.PreviewAsync(http.User.UserId(), id, ct));

    /// <summary>Runs the rule now; each action lands in the action log (source <c>rule</c>) and can be undone there.</summary>
    private static async Task<Ok<RuleRunDetail>> RunRule(long id, HttpContext http, AutomationRuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.RunAsync(http.User.UserId(), id, ct));

    private static async Task<Ok<Paged<RuleRunView>>> ListRuleRuns(
        long id, HttpContext http, AutomationRuleService rules, CancellationToken ct, int page = 1, int pageSize = 20) =>
        TypedResults.Ok(await rules.RunsAsync(http.User.UserId(), id, page, pageSize, ct));

    private static async Task<Ok<RuleRunDetail>> GetRuleRun(long id, long runId, HttpContext http, AutomationRuleService rules, CancellationToken ct) =>
        TypedResults.Ok(await rules.GetRunAsync(http.User.UserId(), id, runId, ct));
}
