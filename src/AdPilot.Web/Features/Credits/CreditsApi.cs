using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Users;
using AdPilot.Web.Api;
using AdPilot.Web.Features.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AdPilot.Web.Features.Credits;

internal static class CreditsApi
{
    public static void MapCreditsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/credits").WithTags("Credits").RequireAuthorization();
        group.MapGet("/balance", GetBalance);
        group.MapPut("/alert-threshold", SetAlertThreshold);
        group.MapGet("/transactions", ListTransactions);
        group.MapGet("/transactions/export", ExportTransactions);
        group.MapGet("/packages", ListPackages);
        group.MapPost("/estimate", Estimate);
    }

    private static async Task<Ok<CreditBalanceView>> GetBalance(HttpContext http, CreditService credits, CancellationToken ct) =>
        TypedResults.Ok(await credits.GetBalanceAsync(http.User.UserId(), ct));

    private static async Task<Ok<CreditBalanceView>> SetAlertThreshold(UpdateThresholdRequest request, HttpContext http, CreditService credits, CancellationToken ct) =>
        TypedResults.Ok(await credits.SetLowBalanceThresholdAsync(http.User.UserId(), request, ct));

    /// <summary>Transactions, newest first; with <c>groupBy</c> the totals per day, week or month in the user's time zone.</summary>
    private static async Task<IResult> ListTransactions(
        HttpContext http, CreditService credits, UserService users, CancellationToken ct,
        string? type = null, DateTime? from = null, DateTime? to = null, int page = 1, int pageSize = 50, string? groupBy = null)
    {
        var query = new CreditHistoryQuery { Type = QueryEnum.Parse<CreditTransactionType>(type, "type"), From = Utc(from), To = Utc(to), Page = page, PageSize = pageSize };
        var userId = http.User.UserId();
        if (QueryEnum.Parse<HistoryGrouping>(groupBy, "groupBy") is { } grouping)
        {
            var profile = await users.GetAsync(userId, ct);
            return TypedResults.Ok(await credits.AggregateAsync(userId, query, grouping, profile.TimeZone, ct));
        }

        return TypedResults.Ok(await credits.HistoryAsync(userId, query, ct));
    }

    private static async Task<FileContentHttpResult> ExportTransactions(
        HttpContext http, CreditService credits, CancellationToken ct, string? type = null, DateTime? from = null, DateTime? to = null)
    {
        var rows = await credits.ExportAsync(http.User.UserId(), new CreditHistoryQuery { Type = QueryEnum.Parse<CreditTransactionType>(type, "type"), From = Utc(from), To = Utc(to) }, ct);
        return TypedResults.File(Encoding.UTF8.GetBytes(CreditCsv.Write(rows)), "text/csv", "adpilot-credit-transactions.csv");
    }

    private static async Task<Ok<IReadOnlyList<PackageView>>> ListPackages(CreditConfigService configs, CancellationToken ct) =>
        TypedResults.Ok(PackageView.Of((await configs.GetCurrentAsync(ct)).Settings.Packages));

    private static async Task<Ok<CreditEstimate>> Estimate(EstimateRequest request, CreditConfigService configs, CancellationToken ct)
    {
        RequestValidator.Validate(request);
        return TypedResults.Ok((await configs.GetCurrentAsync(ct)).Settings.Estimate(request.Operation, request.Model, request.InputTokens, request.OutputTokens));
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime() : null;
}

public sealed record EstimateRequest(
    [property: Required(ErrorMessage = "An operation is required."), StringLength(64)] string Operation,
    [property: StringLength(64)] string? Model = null,
    [property: Range(0, 10_000_000, ErrorMessage = "Input tokens must be between 0 and 10,000,000.")] int InputTokens = 0,
    [property: Range(0, 10_000_000, ErrorMessage = "Output tokens must be between 0 and 10,000,000.")] int OutputTokens = 0);

/// <summary>The transaction history as CSV (RFC 4180), one row per ledger entry.</summary>
public static class CreditCsv
{
    public static string Write(IEnumerable<CreditTransactionView> rows)
    {
        var csv = new StringBuilder("time_utc,type,amount,gifted,purchased,balance_after,operation,model,input_tokens,output_tokens,config_version,reference,description\r\n");
        foreach (var t in rows)
        {
            csv.AppendJoin(',', [
                t.CreatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), t.Type.ToString().ToLowerInvariant(),
                Num(t.Amount), Num(t.GiftedDelta), Num(t.PurchasedDelta), Num(t.BalanceAfter), Field(t.Operation), Field(t.Model),
                t.InputTokens?.ToString(CultureInfo.InvariantCulture) ?? "", t.OutputTokens?.ToString(CultureInfo.InvariantCulture) ?? "",
                t.ConfigVersion?.ToString(CultureInfo.InvariantCulture) ?? "", Field(t.ReferenceId), Field(t.Description)]);
            csv.Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Num(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>Quotes when needed, and defuses spreadsheet formulas (=, +, -, @ at the start).</summary>
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }
}
