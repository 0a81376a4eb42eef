using AdPilot.Core.Campaigns;
using AdPilot.Core.Common;
using AdPilot.Core.Credits;
using AdPilot.Core.Notifications;

namespace AdPilot.Core.Tests.Common;

public sealed class RequestValidatorTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(object request, string field = "") =>
        Assert.Throws<ValidationFailedException>(() => RequestValidator.Validate(request, field)).Errors;

    private static CreateCampaignRequest Campaign(params AdSetInput[] adSets) => new() { AdAccountId = 1, Name = "Launch", Budget = 10, AdSets = adSets };

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("2000000")]
    [InlineData("9200000000000000000")]
    public void Validate_NestedAdSetBudgetOutOfRange_NamesTheNestedField(string budget)
    {
        var errors = Errors(Campaign(new AdSetInput { Name = "Set", BudgetType = BudgetType.Daily, Budget = decimal.Parse(budget, System.Globalization.CultureInfo.InvariantCulture) }));

        Assert.Equal(["adSets[0].budget"], errors.Keys);
    }

    [Fact]
    public void Validate_DeeplyNestedFields_UseTheSameRulesAsTheirOwnRoutes()
    {
        var errors = Errors(Campaign(
            new AdSetInput { Name = "Set" },
            new AdSetInput { Name = new string('n', 201), Targeting = new TargetingInput { AgeMin = 7 }, Ads = [new AdInput { Name = "ok" }, new AdInput { Name = "x", Headline = new string('h', 256) }] }));

        Assert.Equal(["adSets[1].ads[1].headline", "adSets[1].name", "adSets[1].targeting.ageMin"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_NullListElementsAndNullObjects_AreFieldErrors()
    {
        var errors = Errors(Campaign(null!, new AdSetInput { Name = "Set", Targeting = null!, Ads = [null!] }));

        Assert.Equal(["adSets[0]", "adSets[1].ads[0]", "adSets[1].targeting"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_NullDictionaryValue_IsAFieldError_NotACrashInTheObjectRules()
    {
        var settings = new CreditSettings { ModelRates = new() { ["gpt-4o"] = null! } };

        Assert.Equal(["modelRates[gpt-4o]"], Errors(settings).Keys);
    }

    [Fact]
    public void Validate_ListBody_PrefixesTheParameterName()
    {
        IReadOnlyList<NotificationPreferenceView> preferences = [new("system", NotificationChannels.Both), null!, new(null!, NotificationChannels.None)];

        Assert.Equal(["preferences[1]", "preferences[2].category"], Errors(preferences, "preferences").Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_ValidNestedRequest_Passes()
    {
        var valid = Campaign(new AdSetInput { Name = "Set", BudgetType = BudgetType.Daily, Budget = 20, Ads = [new AdInput { Name = "Ad", Headline = "Hi" }] });

        Assert.Null(Record.Exception(() => RequestValidator.Validate(valid)));
    }
}
