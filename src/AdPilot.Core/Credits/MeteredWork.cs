namespace AdPilot.Core.Credits;

/// <summary>What a piece of priced AI work is charged as: the credit config's operation (and model and tokens, when it prices them).</summary>
/// <param name="IdempotencyKey">Charges once however often the same work is retried; the refund of a failure is keyed from it.</param>
/// <param name="ReferenceId">What the charge is for; the refund names it.</param>
public sealed record MeteredCharge(string Operation, string IdempotencyKey, string ReferenceId, string? Model = null, int InputTokens = 0, int OutputTokens = 0);

/// <summary>The work's result and what it cost.</summary>
public sealed record Metered<T>(T Result, decimal Credits, decimal BalanceAfter, long TransactionId);

/// <summary>
/// The one flow of priced AI work (MCP tools, the agent): estimate from the current credit config, deduct with the
/// idempotency key (refused with <see cref="Common.InsufficientCreditsException"/> and nothing changed when the balance is
/// short), run the work, and refund the whole charge when the work fails, so a failure never costs credits.
/// A key is for one piece of work: repeating it replays the first charge (also one refunded after a failure), so callers
/// that cannot tell a retry from new work use a fresh key per call.
/// </summary>
public sealed class MeteredWork(CreditService credits, CreditConfigService configs)
{
    /// <summary>References of charges AdPilot makes for its own work start with this; clients cannot refund them (refunds are AdPilot's).</summary>
    public const string ReferencePrefix = "adpilot:";

    public static bool IsServerCharge(string? referenceId) => referenceId?.StartsWith(ReferencePrefix, StringComparison.Ordinal) == true;

    public async Task<CreditEstimate> EstimateAsync(MeteredCharge charge, CancellationToken ct = default) =>
        (await configs.GetCurrentAsync(ct)).Settings.Estimate(charge.Operation, charge.Model, charge.InputTokens, charge.OutputTokens);

    public async Task<Metered<T>> RunAsync<T>(long userId, MeteredCharge charge, Func<CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        await EstimateAsync(charge, ct); // an unknown operation or model is refused before anything is charged
        var reference = IsServerCharge(charge.ReferenceId) ? charge.ReferenceId : ReferencePrefix + charge.ReferenceId;
        var entry = await credits.DeductAsync(userId, new DeductRequest
        {
            Operation = charge.Operation,
            Model = charge.Model,
            InputTokens = charge.InputTokens,
            OutputTokens = charge.OutputTokens,
            ReferenceId = reference,
            IdempotencyKey = charge.IdempotencyKey,
        }, ct);
        T result;
        try
        {
            result = await work(ct);
        }
        catch when (entry.Amount < 0)
        {
            // Not cancellable: a cancelled call must still get its credits back.
            await credits.RefundAsync(userId, reference, null, charge.IdempotencyKey + ":refund", CancellationToken.None);
            throw;
        }

        return new Metered<T>(result, -entry.Amount, entry.BalanceAfter, entry.Id);
    }
}
