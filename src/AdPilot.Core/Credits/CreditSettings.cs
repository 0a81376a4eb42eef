using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Credits;

/// <summary>What one credit config version says: the gift, the prices of AI work, the packages and the alert thresholds.</summary>
public sealed record CreditSettings : IValidatableObject
{
    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "The signup gift must be between 0 and 1,000,000 credits.")]
    public decimal SignupGift { get; init; } = 100m;

    /// <summary>Credits charged per operation, on top of the model's token cost.</summary>
    public Dictionary<string, decimal> OperationRates { get; init; } = new()
    {
        ["chat_message"] = 0.5m,
        ["performance_analysis"] = 5m,
        ["creative_scoring"] = 2m,
        ["landing_page_generation"] = 10m,
        ["campaign_action"] = 1m,
    };

    /// <summary>Credits per 1,000 input and output tokens, per model.</summary>
    public Dictionary<string, ModelRate> ModelRates { get; init; } = new()
    {
        ["gpt-4o-mini"] = new ModelRate(0.15m, 0.6m),
        ["gpt-4o"] = new ModelRate(2.5m, 10m),
        ["offline"] = new ModelRate(0m, 0m),
    };

    public List<RechargePackage> Packages { get; init; } =
    [
        new("starter", "Starter", 100m, 9.99m, "usd"),
        new("growth", "Growth", 500m, 44.99m, "usd"),
        new("pro", "Pro", 1200m, 99.99m, "usd"),
        new("agency", "Agency", 3000m, 229.99m, "usd"),
    ];

    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "The low-balance threshold must be between 0 and 1,000,000.")]
    public decimal LowBalanceThreshold { get; init; } = 50m;

    [Range(typeof(decimal), "0", "1000000", ErrorMessage = "The critical-balance threshold must be between 0 and 1,000,000.")]
    public decimal CriticalBalanceThreshold { get; init; } = 10m;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (CriticalBalanceThreshold >= LowBalanceThreshold)
        {
            yield return new("The critical threshold must be below the low-balance threshold.", [nameof(CriticalBalanceThreshold)]);
        }

        foreach (var (operation, rate) in OperationRates)
        {
            if (!IsKey(operation) || rate < 0 || rate > 100_000)
            {
                yield return new($"Operation '{operation}' needs a lower-case name and a rate between 0 and 100,000.", [nameof(OperationRates)]);
            }
        }

        foreach (var (model, rate) in ModelRates)
        {
            if (string.IsNullOrWhiteSpace(model) || model.Length > 64 || rate.InputPer1K < 0 || rate.OutputPer1K < 0 || rate.InputPer1K > 10_000 || rate.OutputPer1K > 10_000)
            {
                yield return new($"Model '{model}' needs a name and token rates between 0 and 10,000 per 1K.", [nameof(ModelRates)]);
            }
        }

        if (Packages.Count == 0)
        {
            yield return new("At least one recharge package is needed.", [nameof(Packages)]);
        }

        if (Packages.Select(p => p.Id).Distinct().Count() != Packages.Count)
        {
            yield return new("Package ids must be unique.", [nameof(Packages)]);
        }

        foreach (var package in Packages)
        {
            // The name is also kept in the config change log, whose values have a column limit.
            if (!IsKey(package.Id) || string.IsNullOrWhiteSpace(package.Name) || package.Name.Length > 100 || package.Credits <= 0 || package.Price <= 0 || package.Credits > 10_000_000 || package.Price > 100_000
                || package.Currency.Length != 3 || decimal.Round(package.Price, 2) != package.Price)
            {
                yield return new($"Package '{package.Id}' needs a lower-case id, a name of at most 100 characters, credits above 0 and a price above 0 with at most two decimals in a 3-letter currency.", [nameof(Packages)]);
            }
        }
    }

    /// <summary>
    /// The credits an operation costs: its operation rate plus the model's token cost, rounded up to the
    /// ledger's four decimals so rounding never gives credits away.
    /// </summary>
    public CreditEstimate Estimate(string operation, string? model, int inputTokens, int outputTokens)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OperationRates.TryGetValue(operation, out var operationRate))
        {
            errors["operation"] = [$"Unknown operation. Known: {string.Join(", ", OperationRates.Keys.Order())}."];
        }

        ModelRate? modelRate = null;
        if (model is not null && !ModelRates.TryGetValue(model, out modelRate))
        {
            errors["model"] = [$"Unknown model. Known: {string.Join(", ", ModelRates.Keys.Order())}."];
        }

        if (inputTokens < 0 || outputTokens < 0)
        {
            errors["tokens"] = ["Token counts cannot be negative."];
        }

        if (errors.Count > 0)
        {
            throw new Common.ValidationFailedException(errors);
        }

        var tokenCost = modelRate is null ? 0m : (inputTokens * modelRate.InputPer1K + outputTokens * modelRate.OutputPer1K) / 1000m;
        var credits = Math.Ceiling((operationRate + tokenCost) * Data.MoneyPrecision.Factor) / Data.MoneyPrecision.Factor;
        return new CreditEstimate(operation, model, inputTokens, outputTokens, credits, operationRate, modelRate?.InputPer1K, modelRate?.OutputPer1K);
    }

    private static bool IsKey(string value) =>
        value.Length is > 0 and <= 64 && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '.');
}

public sealed record ModelRate(decimal InputPer1K, decimal OutputPer1K);

public sealed record RechargePackage(string Id, string Name, decimal Credits, decimal Price, string Currency);

/// <summary>A package as the shop shows it: price per credit, and the discount against the dearest package's unit price.</summary>
public sealed record PackageView(string Id, string Name, decimal Credits, decimal Price, string Currency, decimal UnitPrice, int DiscountPercent, decimal Savings)
{
    public static IReadOnlyList<PackageView> Of(IReadOnlyList<RechargePackage> packages)
    {
        var baseUnit = packages.Max(p => p.Price / p.Credits);
        return packages
            .Select(p =>
            {
                var unit = p.Price / p.Credits;
                var savings = decimal.Round(p.Credits * baseUnit - p.Price, 2, MidpointRounding.AwayFromZero);
                var discount = (int)decimal.Round((1 - unit / baseUnit) * 100, 0, MidpointRounding.AwayFromZero);
                return new PackageView(p.Id, p.Name, p.Credits, p.Price, p.Currency, decimal.Round(unit, 4), discount, Math.Max(0, savings));
            })
            .OrderBy(p => p.Credits)
            .ToList();
    }
}

public sealed record CreditEstimate(
    string Operation,
    string? Model,
    int InputTokens,
    int OutputTokens,
    decimal Credits,
    decimal OperationRate,
    decimal? InputRatePer1K,
    decimal? OutputRatePer1K);
