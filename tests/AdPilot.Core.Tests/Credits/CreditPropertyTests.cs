using AdPilot.Core.Credits;
using AdPilot.Core.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace AdPilot.Core.Tests.Credits;

/// <summary>P6–P10 for any sequence of grants, charges and refunds.</summary>
public sealed class CreditPropertyTests
{
    private static readonly string[] Operations = ["chat_message", "campaign_action", "creative_scoring", "performance_analysis"];

    /// <summary>P6, P7, P8, P9 (sequential part): every step either applies exactly or is refused and changes nothing.</summary>
    [Property(MaxTest = 25)]
    public bool AnySequence_BalanceIsGiftedPlusPurchasedIsTheLedger_GiftedGoesFirst_RefusalsChangeNothing(byte[] steps, PositiveInt seed)
    {
        return Run().GetAwaiter().GetResult();

        async Task<bool> Run()
        {
            await using var db = await TestDatabase.CreateAsync();
            var credits = ServiceFactory.Credits(db, TestClock.At2026());
            var user = await Seed.UserAsync(db);
            var random = new Random(seed.Get);
            var (gifted, purchased) = (0m, 0m);
            var charged = new List<string>();
            for (var i = 0; i < steps.Length; i++)
            {
                switch (steps[i] % 4)
                {
                    case 0:
                        var gift = random.Next(1, 40) / 4m;
                        await credits.GrantAsync(user, CreditTransactionType.Gift, gift, $"g{i}", null);
                        gifted += gift;
                        break;
                    case 1:
                        var recharge = random.Next(1, 40) / 4m;
                        await credits.GrantAsync(user, CreditTransactionType.Recharge, recharge, $"r{i}", null);
                        purchased += recharge;
                        break;
                    case 2:
                        var operation = Operations[random.Next(Operations.Length)];
                        var cost = new CreditSettings().Estimate(operation, null, 0, 0).Credits;
                        try
                        {
                            var t = await credits.DeductAsync(user, new DeductRequest { Operation = operation, IdempotencyKey = $"d{i}", ReferenceId = $"ref{i}" });
                            var fromGifted = Math.Min(gifted, cost);
                            if (t.GiftedDelta != -fromGifted || t.PurchasedDelta != -(cost - fromGifted))
                            {
                                return false; // P7
                            }

                            (gifted, purchased) = (gifted - fromGifted, purchased - (cost - fromGifted));
                            charged.Add($"ref{i}");
                        }
                        catch (AdPilot.Core.Common.InsufficientCreditsException)
                        {
                            if (gifted + purchased >= cost)
                            {
                                return false; // P8: refused only when short
                            }
                        }

                        break;
                    default:
                        if (charged.Count > 0)
                        {
                            var reference = charged[random.Next(charged.Count)];
                            charged.Remove(reference);
                            var refund = await credits.RefundAsync(user, reference, null, $"x{i}");
                            gifted += refund.GiftedDelta;
                            purchased += refund.PurchasedDelta;
                        }

                        break;
                }

                var balance = await credits.GetBalanceAsync(user);
                if (balance.Gifted != gifted || balance.Purchased != purchased || balance.Total != gifted + purchased)
                {
                    return false; // P6
                }
            }

            await CreditServiceTests.AssertLedgerAgreesAsync(db, user, gifted + purchased);
            return true;
        }
    }

    /// <summary>P7 (refunds): a full refund restores exactly the buckets the charge took.</summary>
    [Property(MaxTest = 25)]
    public bool Refund_RestoresTheExactBuckets(PositiveInt giftedQuarters, PositiveInt purchasedQuarters)
    {
        return Run().GetAwaiter().GetResult();

        async Task<bool> Run()
        {
            await using var db = await TestDatabase.CreateAsync();
            var credits = ServiceFactory.Credits(db, TestClock.At2026());
            var user = await Seed.UserAsync(db);
            var gifted = Math.Min(giftedQuarters.Get, 40) / 4m;
            var purchased = Math.Min(purchasedQuarters.Get, 40) / 4m + 5m;
            await credits.GrantAsync(user, CreditTransactionType.Gift, gifted, "g", null);
            await credits.GrantAsync(user, CreditTransactionType.Recharge, purchased, "r", null);

            var charge = await credits.DeductAsync(user, new DeductRequest { Operation = "performance_analysis", IdempotencyKey = "d", ReferenceId = "m" });
            var refund = await credits.RefundAsync(user, "m", null, "x");
            var balance = await credits.GetBalanceAsync(user);

            return refund.GiftedDelta == -charge.GiftedDelta && refund.PurchasedDelta == -charge.PurchasedDelta
                && balance.Gifted == gifted && balance.Purchased == purchased;
        }
    }

    /// <summary>P10: a rate change applies to later charges only; earlier entries keep their version, rate and amount.</summary>
    [Property(MaxTest = 15)]
    public bool ConfigChange_IsNotRetroactive(PositiveInt newRateQuarters)
    {
        return Run().GetAwaiter().GetResult();

        async Task<bool> Run()
        {
            await using var db = await TestDatabase.CreateAsync();
            var clock = TestClock.At2026();
            var configs = ServiceFactory.Configs(db, clock);
            var credits = ServiceFactory.Credits(db, clock, configs);
            var user = await Seed.UserAsync(db);
            await credits.GrantAsync(user, CreditTransactionType.Recharge, 1000m, "r", null);
            var before = await credits.DeductAsync(user, new DeductRequest { Operation = "campaign_action", IdempotencyKey = "before" });

            var newRate = Math.Min(newRateQuarters.Get, 400) / 4m + 0.25m;
            var current = await configs.GetCurrentAsync();
            var rates = new Dictionary<string, decimal>(current.Settings.OperationRates) { ["campaign_action"] = newRate };
            await configs.UpdateAsync(user, "admin@example.com", current.Settings with { OperationRates = rates });
            var after = await credits.DeductAsync(user, new DeductRequest { Operation = "campaign_action", IdempotencyKey = "after" });

            var history = await credits.HistoryAsync(user, new CreditHistoryQuery { Type = CreditTransactionType.Deduct });
            var storedBefore = history.Items.Single(t => t.Id == before.Id);
            return storedBefore.Amount == -1m && storedBefore.OperationRate == 1m && storedBefore.ConfigVersion == 1
                && after.Amount == -newRate && after.OperationRate == newRate && after.ConfigVersion == 2;
        }
    }
}
