using AdPilot.Core.Billing;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Data;
using AdPilot.Core.Tests.Credits;
using AdPilot.Core.Tests.Support;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Billing;

public sealed class BillingServiceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Fulfil_50ConcurrentReports_CreditTheOrderOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var clock = TestClock.At2026();
        var billing = ServiceFactory.Billing(db, clock);
        var user = await Seed.UserAsync(db);
        var order = await billing.CreateOrderAsync(user, new CreateRechargeOrderRequest("growth"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => billing.FulfilAsync(order.OrderId, 4499, "usd"))));

        Assert.Single(outcomes, o => o == WebhookOutcome.Fulfilled);
        Assert.All(outcomes.Where(o => o != WebhookOutcome.Fulfilled), o => Assert.Equal(WebhookOutcome.AlreadyFulfilled, o));
        Assert.Equal(RechargeOrderStatus.Paid, (await billing.GetOrderAsync(user, order.OrderId)).Status);
        await CreditServiceTests.AssertLedgerAgreesAsync(db, user, 500m);
    }

    [Fact]
    public async Task Fulfil_WrongAmountOrCurrency_CreditsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var billing = ServiceFactory.Billing(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        var order = await billing.CreateOrderAsync(user, new CreateRechargeOrderRequest("starter"));

        Assert.Equal(WebhookOutcome.AmountMismatch, await billing.FulfilAsync(order.OrderId, 1, "usd"));
        Assert.Equal(WebhookOutcome.AmountMismatch, await billing.FulfilAsync(order.OrderId, 999, "eur"));

        Assert.Equal(RechargeOrderStatus.Pending, (await billing.GetOrderAsync(user, order.OrderId)).Status);
        await using var context = db.CreateDbContext();
        Assert.Equal(0, await context.CreditTransactions.CountAsync());
    }

    [Fact]
    public async Task Fulfil_UnknownOrder_CreditsNothing()
    {
        await using var db = await TestDatabase.CreateAsync();
        var billing = ServiceFactory.Billing(db, TestClock.At2026());

        Assert.Equal(WebhookOutcome.UnknownOrder, await billing.FulfilAsync(987654, 999, "usd"));
    }

    [Fact]
    public async Task ExpiryAfterPayment_LeavesTheOrderPaid()
    {
        await using var db = await TestDatabase.CreateAsync();
        var billing = ServiceFactory.Billing(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);
        var order = await billing.CreateOrderAsync(user, new CreateRechargeOrderRequest("starter"));
        await billing.FulfilAsync(order.OrderId, 999, "usd");

        Assert.Equal(WebhookOutcome.Ignored, await billing.MarkUnpaidAsync(order.OrderId, RechargeOrderStatus.Expired, "late"));
        Assert.Equal(RechargeOrderStatus.Paid, (await billing.GetOrderAsync(user, order.OrderId)).Status);
    }

    [Fact]
    public async Task Orders_OfAnotherUser_AreNotFound()
    {
        await using var db = await TestDatabase.CreateAsync();
        var billing = ServiceFactory.Billing(db, TestClock.At2026());
        var owner = await Seed.UserAsync(db, "owner@example.com");
        var other = await Seed.UserAsync(db, "other@example.com");
        var order = await billing.CreateOrderAsync(owner, new CreateRechargeOrderRequest("starter"));

        await Assert.ThrowsAsync<NotFoundException>(() => billing.GetOrderAsync(other, order.OrderId));
        await Assert.ThrowsAsync<NotFoundException>(() => billing.CompleteSimulatedAsync(other, order.OrderId, pay: true));
    }

    [Fact]
    public async Task CreateOrder_UnknownPackage_IsAFieldError()
    {
        await using var db = await TestDatabase.CreateAsync();
        var billing = ServiceFactory.Billing(db, TestClock.At2026());
        var user = await Seed.UserAsync(db);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => billing.CreateOrderAsync(user, new CreateRechargeOrderRequest("gold")));

        Assert.True(error.Errors.ContainsKey("packageId"));
    }

    [Fact]
    public async Task SignupGift_IsGivenOnceAcrossSignIns()
    {
        await using var db = await TestDatabase.CreateAsync();
        var users = ServiceFactory.UsersWithGift(db, TestClock.At2026());
        var identity = new ExternalIdentity(AuthProviders.Google, "gift", "gift@example.com", null, null);

        var user = await users.SignInAsync(identity);
        await users.SignInAsync(identity);

        var credits = ServiceFactory.Credits(db, TestClock.At2026());
        var balance = await credits.GetBalanceAsync(user.Id);
        Assert.Equal((100m, 0m), (balance.Gifted, balance.Purchased));
        var history = await credits.HistoryAsync(user.Id, new CreditHistoryQuery());
        Assert.Equal(CreditTransactionType.Gift, Assert.Single(history.Items).Type);
    }
}
