using System.ComponentModel;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Web.Features.Mcp;
using ModelContextProtocol.Server;

namespace AdPilot.Web.Features.Credits;

/// <summary>MCP tools over <see cref="CreditService"/> and <see cref="CreditConfigService"/>: the prepaid credits AI work is paid with.</summary>
[McpServerToolType]
internal sealed class CreditsTools(ToolCaller caller, CreditService credits, CreditConfigService configs)
{
    public const string RechargePath = "/billing";

    [McpServerTool(Name = "get_credit_balance", Title = "Credit balance", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The user's credit balance (gifted and purchased credits; gifted are spent first) and whether it is ok, low or critical. Credits pay for AI work such as analyze_performance.")]
    public async Task<CreditBalanceView> GetCreditBalanceAsync(CancellationToken ct) =>
        await credits.GetBalanceAsync(caller.UserId, ct);

    [McpServerTool(Name = "check_credit", Title = "Check credits", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Tells whether the balance covers an operation (priced from the credit config) or an amount of credits, without charging anything. Give operation or amount.")]
    public async Task<CreditCheck> CheckCreditAsync(
        [Description("An operation from get_credit_config, e.g. performance_analysis.")] string? operation = null,
        [Description("A model from get_credit_config, when the work is priced by tokens too.")] string? model = null,
        [Description("Input tokens the work will use.")] int input_tokens = 0,
        [Description("Output tokens the work will produce.")] int output_tokens = 0,
        [Description("An amount of credits, instead of an operation.")] decimal? amount = null,
        CancellationToken ct = default)
    {
        decimal required;
        if (amount is { } credits1 && operation is null)
        {
            required = credits1 >= 0 ? credits1 : throw ValidationFailedException.For("amount", "The amount cannot be negative.");
        }
        else if (amount is null && !string.IsNullOrWhiteSpace(operation))
        {
            required = (await configs.GetCurrentAsync(ct)).Settings.Estimate(operation, model, input_tokens, output_tokens).Credits;
        }
        else
        {
            throw ValidationFailedException.For("operation", "Give either operation or amount.");
        }

        var balance = await credits.GetBalanceAsync(caller.UserId, ct);
        return new CreditCheck(balance.Total >= required, required, balance.Total, Math.Max(0, required - balance.Total), RechargePath);
    }

    [McpServerTool(Name = "deduct_credit", Title = "Charge credits", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Charges the user's credits for an operation of AI work, priced from the current credit config (operation rate plus the model's token cost). " +
        "Exactly once per idempotency_key: repeating a call with the same key returns the first charge and charges nothing more. " +
        "Refused with insufficient_credits, and nothing charged, when the balance is short.")]
    public async Task<CreditTransactionView> DeductCreditAsync(
        [Description("An operation from get_credit_config, e.g. chat_message.")] string operation,
        [Description("A unique key for this charge (a UUID, say); reuse it only to retry the same charge.")] string idempotency_key,
        [Description("What the charge is for (your message or job id); refund_credit names it.")] string? reference_id = null,
        [Description("A model from get_credit_config, when the work is priced by tokens.")] string? model = null,
        [Description("Input tokens used.")] int input_tokens = 0,
        [Description("Output tokens produced.")] int output_tokens = 0,
        CancellationToken ct = default) =>
        await credits.DeductAsync(caller.UserId, new DeductRequest
        {
            Operation = operation, Model = model, InputTokens = input_tokens, OutputTokens = output_tokens, ReferenceId = reference_id, IdempotencyKey = idempotency_key,
        }, ct);

    [McpServerTool(Name = "refund_credit", Title = "Refund credits", UseStructuredContent = true, ReadOnly = false, Destructive = false, Idempotent = true, OpenWorld = false)]
    [Description("Gives back credits charged with deduct_credit under a reference_id (all that is left of it when amount is omitted), to the buckets they came from. " +
        "Never more than was charged; once per idempotency_key. Charges AdPilot made itself for its own AI work (analyze_performance) are refunded by AdPilot when the work fails and cannot be refunded here.")]
    public async Task<CreditTransactionView> RefundCreditAsync(
        [Description("The reference_id the charge was made with.")] string reference_id,
        [Description("A unique key for this refund; reuse it only to retry the same refund.")] string idempotency_key,
        [Description("Credits to give back; default all that is left of the charge.")] decimal? amount = null,
        CancellationToken ct = default)
    {
        if (MeteredWork.IsServerCharge(reference_id))
        {
            throw new ForbiddenException("refund_not_allowed", "This charge was made by AdPilot for its own AI work; AdPilot refunds it itself when the work fails.");
        }

        return await credits.RefundAsync(caller.UserId, reference_id, amount, idempotency_key, ct);
    }

    [McpServerTool(Name = "get_credit_history", Title = "Credit history", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The user's credit ledger, newest first: gifts, recharges, charges (with operation, model, tokens and the rates used) and refunds, with the balance after each. " +
        "Pages with cursor.")]
    public async Task<ToolPage<CreditTransactionView>> GetCreditHistoryAsync(
        [Description("Only this type: gift, recharge, deduct, refund or adjustment.")] CreditTransactionType? type = null,
        [Description("From this day (UTC), yyyy-MM-dd.")] string? from = null,
        [Description("Up to and including this day (UTC), yyyy-MM-dd.")] string? to = null,
        [Description("The next_cursor of the previous page; omit for the first page.")] string? cursor = null,
        [Description("Items per page, 1 to 100 (default 25).")] int? page_size = null,
        CancellationToken ct = default)
    {
        var query = new CreditHistoryQuery
        {
            Type = type,
            From = ToolDates.Parse(from, "from")?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            To = ToolDates.Parse(to, "to")?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            Page = ToolPaging.Page(cursor),
            PageSize = ToolPaging.PageSize(page_size),
        };
        return ToolPaging.From(await credits.HistoryAsync(caller.UserId, query, ct));
    }

    [McpServerTool(Name = "get_credit_config", Title = "Credit prices", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("What AI work costs now: credits per operation, credits per 1,000 input and output tokens per model, the recharge packages, and the balance alert thresholds.")]
    public async Task<CreditPrices> GetCreditConfigAsync(CancellationToken ct)
    {
        var config = await configs.GetCurrentAsync(ct);
        var s = config.Settings;
        return new CreditPrices(config.Version, s.OperationRates, s.ModelRates, PackageView.Of(s.Packages), s.LowBalanceThreshold, s.CriticalBalanceThreshold, RechargePath);
    }

    [McpServerTool(Name = "estimate_credit", Title = "Estimate credits", UseStructuredContent = true, ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The credits an operation would cost now (its rate plus the model's token cost, rounded up to 4 decimals), without charging anything.")]
    public async Task<CreditEstimate> EstimateCreditAsync(
        [Description("An operation from get_credit_config.")] string operation,
        [Description("A model from get_credit_config, when the work is priced by tokens.")] string? model = null,
        [Description("Input tokens.")] int input_tokens = 0,
        [Description("Output tokens.")] int output_tokens = 0,
        CancellationToken ct = default) =>
        (await configs.GetCurrentAsync(ct)).Settings.Estimate(operation, model, input_tokens, output_tokens);
}

public sealed record CreditCheck(
    [property: Description("True when the balance covers the credits required.")] bool Enough,
    [property: Description("Credits the operation or amount needs.")] decimal Required,
    [property: Description("The current balance.")] decimal Balance,
    [property: Description("Credits missing (0 when enough).")] decimal Shortfall,
    [property: Description("Where in AdPilot the user buys credits.")] string RechargeUrl);

public sealed record CreditPrices(
    [property: Description("The credit config's version; charges record the version they used.")] int Version,
    [property: Description("Credits per operation.")] IReadOnlyDictionary<string, decimal> OperationRates,
    [property: Description("Credits per 1,000 input and output tokens, per model.")] IReadOnlyDictionary<string, ModelRate> ModelRates,
    [property: Description("Recharge packages.")] IReadOnlyList<PackageView> Packages,
    [property: Description("Below this balance the user is warned.")] decimal LowBalanceThreshold,
    [property: Description("Below this balance the warning is critical.")] decimal CriticalBalanceThreshold,
    [property: Description("Where in AdPilot the user buys credits.")] string RechargeUrl);
