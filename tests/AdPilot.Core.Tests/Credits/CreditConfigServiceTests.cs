using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Tests.Support;

namespace AdPilot.Core.Tests.Credits;

public sealed class CreditConfigServiceTests
{
    [Fact]
    public async Task GetCurrent_EmptyDatabase_SeedsVersionOneWithTheDefaults()
    {
        await using var db = await TestDatabase.CreateAsync();
        var configs = ServiceFactory.Configs(db, TestClock.At2026());

        var config = await configs.GetCurrentAsync();

        Assert.Equal(1, config.Version);
        Assert.Equal(100m, config.Settings.SignupGift);
        Assert.Equal((50m, 10m), (config.Settings.LowBalanceThreshold, config.Settings.CriticalBalanceThreshold));
        Assert.Equal(4, config.Settings.Packages.Count);
    }

    [Fact]
    public async Task Update_WritesANewVersionAndOneChangeEntryPerField()
    {
        await using var db = await TestDatabase.CreateAsync();
        var configs = ServiceFactory.Configs(db, TestClock.At2026());
        var v1 = await configs.GetCurrentAsync();
        var packages = v1.Settings.Packages.Select(p => p.Id == "pro" ? p with { Price = 89.99m } : p).ToList();

        var v2 = await configs.UpdateAsync(1, "admin@example.com", v1.Settings with { SignupGift = 50m, Packages = packages });

        Assert.Equal(2, v2.Version);
        var history = await configs.HistoryAsync(1, 50);
        Assert.Equal(["packages[pro].price", "signupGift"], history.Items.Select(c => c.Field).Order(StringComparer.Ordinal));
        var gift = history.Items.Single(c => c.Field == "signupGift");
        Assert.Equal(("100", "50", "admin@example.com"), (gift.OldValue, gift.NewValue, gift.AdminEmail));
        Assert.Equal(2, (await ServiceFactory.Configs(db, TestClock.At2026()).GetCurrentAsync()).Version);
    }

    [Fact]
    public async Task Update_NothingChanged_KeepsTheVersion()
    {
        await using var db = await TestDatabase.CreateAsync();
        var configs = ServiceFactory.Configs(db, TestClock.At2026());
        var v1 = await configs.GetCurrentAsync();

        Assert.Equal(1, (await configs.UpdateAsync(1, "a@example.com", v1.Settings with { })).Version);
    }

    public static TheoryData<string> InvalidSettings() => ["critical-above-low", "negative-gift", "duplicate-package", "zero-price", "bad-rate", "long-package-name", "null-model-rate", "null-package"];

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task Update_Invalid_IsRefusedAndChangesNothing(string kind)
    {
        await using var db = await TestDatabase.CreateAsync();
        var configs = ServiceFactory.Configs(db, TestClock.At2026());
        var s = (await configs.GetCurrentAsync()).Settings;
        var bad = kind switch
        {
            "critical-above-low" => s with { CriticalBalanceThreshold = 60m },
            "negative-gift" => s with { SignupGift = -1m },
            "duplicate-package" => s with { Packages = [.. s.Packages, s.Packages[0]] },
            "zero-price" => s with { Packages = [s.Packages[0] with { Price = 0m }] },
            "long-package-name" => s with { Packages = [s.Packages[0] with { Name = new string('n', 101) }] },
            "null-model-rate" => s with { ModelRates = new() { ["gpt-4o"] = null! } },
            "null-package" => s with { Packages = [s.Packages[0], null!] },
            _ => s with { OperationRates = new() { ["chat_message"] = -2m } },
        };

        await Assert.ThrowsAsync<ValidationFailedException>(() => configs.UpdateAsync(1, "a@example.com", bad));

        Assert.Equal(1, (await configs.GetCurrentAsync()).Version);
    }

    [Theory]
    [InlineData("chat_message", null, 0, 0, 0.5)]
    [InlineData("chat_message", "gpt-4o-mini", 1000, 1000, 1.25)]
    [InlineData("chat_message", "gpt-4o-mini", 1, 0, 0.5002)]
    [InlineData("performance_analysis", "offline", 5000, 5000, 5)]
    public void Estimate_IsOperationRatePlusTokenCost_RoundedUp(string operation, string? model, int input, int output, decimal expected) =>
        Assert.Equal(expected, new CreditSettings().Estimate(operation, model, input, output).Credits);

    [Fact]
    public void Estimate_UnknownOperationOrModel_NamesTheField()
    {
        var error = Assert.Throws<ValidationFailedException>(() => new CreditSettings().Estimate("teleport", "gpt-9", 0, 0));

        Assert.True(error.Errors.ContainsKey("operation") && error.Errors.ContainsKey("model"));
    }

    [Fact]
    public void Packages_ShowUnitPriceDiscountAndSavings()
    {
        var views = PackageView.Of(new CreditSettings().Packages);

        var starter = views[0];
        var agency = views[^1];
        Assert.Equal((0.0999m, 0, 0m), (starter.UnitPrice, starter.DiscountPercent, starter.Savings));
        Assert.Equal(23, agency.DiscountPercent);
        Assert.Equal(69.71m, agency.Savings); // 3000 × 0.0999 − 229.99
    }
}
