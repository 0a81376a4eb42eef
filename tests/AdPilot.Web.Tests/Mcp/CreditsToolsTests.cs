using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Core.Identity;
using AdPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AdPilot.Web.Tests.Mcp;

public sealed class CreditsToolsTests(AdPilotFactory app) : IClassFixture<AdPilotFactory>
{
    [Fact]
    public async Task Balance_Config_Estimate_AndCheck_ReadWithoutCharging()
    {
        var user = await app.SignInAsync("mcp-credits-read@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var balance = await client.SucceedsAsync("get_credit_balance");
        var config = await client.SucceedsAsync("get_credit_config");
        var estimate = await client.SucceedsAsync("estimate_credit", new { operation = "chat_message", model = "gpt-4o", input_tokens = 1000, output_tokens = 100 });
        var enough = await client.SucceedsAsync("check_credit", new { operation = "performance_analysis" });
        var tooMuch = await client.SucceedsAsync("check_credit", new { amount = 100_000m });

        var total = balance.GetProperty("total").GetDecimal();
        Assert.True(total > 5m);
        Assert.Equal(5m, config.GetProperty("operation_rates").GetProperty("performance_analysis").GetDecimal());
        Assert.Equal("/billing", config.GetProperty("recharge_url").GetString());
        Assert.Equal(4m, estimate.GetProperty("credits").GetDecimal()); // 0.5 + 1,000 × 2.5/1K + 100 × 10/1K
        Assert.Equal((true, 5m, 0m), (enough.GetProperty("enough").GetBoolean(), enough.GetProperty("required").GetDecimal(), enough.GetProperty("shortfall").GetDecimal()));
        Assert.Equal((false, 100_000m - total), (tooMuch.GetProperty("enough").GetBoolean(), tooMuch.GetProperty("shortfall").GetDecimal()));
        Assert.Equal(0, await LedgerAsync(user.Id, CreditTransactionType.Deduct));
    }

    [Fact]
    public async Task BadArguments_AreValidationErrors()
    {
        var user = await app.SignInAsync("mcp-credits-bad@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);

        var unknown = await client.FailsAsync("estimate_credit", new { operation = "mind_reading" }, code: "validation_failed");
        Assert.True(unknown.GetProperty("errors").TryGetProperty("operation", out _));
        await client.FailsAsync("check_credit", new { }, code: "validation_failed");
        await client.FailsAsync("check_credit", new { operation = "chat_message", amount = 1m }, code: "validation_failed");
        await client.FailsAsync("deduct_credit", new { operation = "mind_reading", idempotency_key = "k" }, code: "validation_failed");
        await client.FailsAsync("deduct_credit", new { operation = "chat_message", idempotency_key = "" }, code: "validation_failed");
        await client.FailsAsync("deduct_credit", new { operation = "chat_message" }, code: "validation_failed");
        await client.FailsAsync("get_credit_history", new { cursor = "not-ours" }, code: "validation_failed");
        await client.FailsAsync("get_credit_history", new { from = "yesterday" }, code: "validation_failed");
        await client.FailsAsync("get_credit_history", new { type = "theft" }, code: "validation_failed");
        Assert.Equal(0, await LedgerAsync(user.Id, CreditTransactionType.Deduct));
    }

    [Fact]
    public async Task DeductCredit_SameKeyTwice_OneLedgerEntry()
    {
        var user = await app.SignInAsync("mcp-credits-deduct@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var before = await BalanceAsync(user.Id);
        var charge = new { operation = "campaign_action", idempotency_key = "order-42", reference_id = "job-42" };

        var first = await client.SucceedsAsync("deduct_credit", charge);
        var again = await client.SucceedsAsync("deduct_credit", charge);

        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("id").GetInt64());
        Assert.Equal(("deduct", -1m, "job-42"), (first.GetProperty("type").GetString(), first.GetProperty("amount").GetDecimal(), first.GetProperty("reference_id").GetString()));
        Assert.Equal(before - 1m, await BalanceAsync(user.Id));
        Assert.Equal(1, await LedgerAsync(user.Id, CreditTransactionType.Deduct));
    }

    [Fact]
    public async Task DeductCredit_BalanceShort_IsInsufficientCredits_AndChargesNothing()
    {
        var user = await app.SignInAsync("mcp-credits-short@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var before = await BalanceAsync(user.Id);

        var error = await client.FailsAsync("deduct_credit",
            new { operation = "chat_message", model = "gpt-4o", input_tokens = 10_000_000, idempotency_key = "too-big" }, code: "insufficient_credits");

        Assert.Equal((before, "/billing"), (error.GetProperty("balance").GetDecimal(), error.GetProperty("recharge_url").GetString()));
        Assert.True(error.GetProperty("required").GetDecimal() > before);
        Assert.Equal(before, await BalanceAsync(user.Id));
        Assert.Equal(0, await LedgerAsync(user.Id, CreditTransactionType.Deduct));
    }

    [Fact]
    public async Task RefundCredit_GivesBackWhatWasCharged_NeverMore_NorAdPilotsOwnCharges()
    {
        var user = await app.SignInAsync("mcp-credits-refund@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        var before = await BalanceAsync(user.Id);
        await client.SucceedsAsync("deduct_credit", new { operation = "creative_scoring", idempotency_key = "score-1", reference_id = "creative-9" });

        var refund = await client.SucceedsAsync("refund_credit", new { reference_id = "creative-9", idempotency_key = "refund-1" });
        var replay = await client.SucceedsAsync("refund_credit", new { reference_id = "creative-9", idempotency_key = "refund-1" });

        Assert.Equal(("refund", 2m), (refund.GetProperty("type").GetString(), refund.GetProperty("amount").GetDecimal()));
        Assert.Equal(refund.GetProperty("id").GetInt64(), replay.GetProperty("id").GetInt64());
        Assert.Equal(before, await BalanceAsync(user.Id));
        await client.FailsAsync("refund_credit", new { reference_id = "creative-9", idempotency_key = "refund-2" }, code: "refund_exceeds_charge");
        await client.FailsAsync("refund_credit", new { reference_id = "never-charged", idempotency_key = "refund-3" }, code: "refund_exceeds_charge");
        await client.FailsAsync("refund_credit", new { reference_id = "adpilot:analyze_performance:x", idempotency_key = "refund-4" }, code: "refund_not_allowed");
        await client.FailsAsync("refund_credit", new { reference_id = "creative-9", idempotency_key = "refund-5", amount = -1m }, code: "validation_failed");
    }

    [Fact]
    public async Task RefundCredit_AnotherUsersCharge_IsNotRefundable()
    {
        var owner = await app.SignInAsync("mcp-credits-owner@example.com");
        await using (var ownerClient = await app.ConnectMcpAsync(owner.AccessToken))
        {
            await ownerClient.SucceedsAsync("deduct_credit", new { operation = "creative_scoring", idempotency_key = "o-1", reference_id = "shared-ref" });
        }

        var stranger = await app.SignInAsync("mcp-credits-stranger@example.com");
        await using var client = await app.ConnectMcpAsync(stranger.AccessToken);
        var before = await BalanceAsync(stranger.Id);

        await client.FailsAsync("refund_credit", new { reference_id = "shared-ref", idempotency_key = "s-1" }, code: "refund_exceeds_charge");
        var history = await client.SucceedsAsync("get_credit_history", new { type = "deduct" });
        Assert.Equal(0, history.GetProperty("total").GetInt32());
        Assert.Equal(before, await BalanceAsync(stranger.Id));
    }

    [Fact]
    public async Task GetCreditHistory_PagesWithCursors_NewestFirst()
    {
        var user = await app.SignInAsync("mcp-credits-history@example.com");
        await using var client = await app.ConnectMcpAsync(user.AccessToken);
        for (var i = 1; i <= 3; i++)
        {
            await client.SucceedsAsync("deduct_credit", new { operation = "campaign_action", idempotency_key = $"h-{i}", reference_id = $"r-{i}" });
        }

        var first = await client.SucceedsAsync("get_credit_history", new { type = "deduct", page_size = 2 });
        var second = await client.SucceedsAsync("get_credit_history", new { type = "deduct", page_size = 2, cursor = first.GetProperty("next_cursor").GetString() });
        var all = await client.SucceedsAsync("get_credit_history", new { from = "2000-01-01", to = "2099-12-31" });

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(["r-3", "r-2"], first.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("reference_id").GetString()));
        Assert.Equal(["r-1"], second.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("reference_id").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        Assert.Equal(4, all.GetProperty("total").GetInt32()); // the signup gift too
    }

    [Fact]
    public async Task ReadOnlyToken_ReadsCredits_ButCannotDeductOrRefund()
    {
        var user = await app.SignInAsync("mcp-credits-readonly@example.com");
        await using var client = await app.ConnectMcpAsync(await app.CreatePatAsync(user.Id, AccessScopes.Read));

        await client.SucceedsAsync("get_credit_balance");
        await client.SucceedsAsync("get_credit_history");
        await client.FailsAsync("deduct_credit", new { operation = "chat_message", idempotency_key = "ro-1" }, code: "insufficient_scope");
        await client.FailsAsync("refund_credit", new { reference_id = "x", idempotency_key = "ro-2" }, code: "insufficient_scope");
        Assert.Equal(0, await LedgerAsync(user.Id, CreditTransactionType.Deduct));
    }

    private async Task<decimal> BalanceAsync(long userId) => (await app.Services.GetRequiredService<CreditService>().GetBalanceAsync(userId)).Total;

    private async Task<int> LedgerAsync(long userId, CreditTransactionType type)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.CreditTransactions.CountAsync(t => t.UserId == userId && t.Type == type);
    }
}
