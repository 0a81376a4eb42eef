using AdPilot.Core.Credits;

namespace AdPilot.Web.Features.Admin;

/// <summary>An editable copy of <see cref="CreditSettings"/>: lists instead of dictionaries so rows can be added and removed.</summary>
public sealed class CreditConfigForm
{
    public decimal SignupGift { get; set; }
    public decimal LowBalanceThreshold { get; set; }
    public decimal CriticalBalanceThreshold { get; set; }
    public List<OperationRow> Operations { get; set; } = [];
    public List<ModelRow> Models { get; set; } = [];
    public List<RechargePackage> Packages { get; set; } = [];

    public static CreditConfigForm From(CreditSettings s) => new()
    {
        SignupGift = s.SignupGift,
        LowBalanceThreshold = s.LowBalanceThreshold,
        CriticalBalanceThreshold = s.CriticalBalanceThreshold,
        Operations = s.OperationRates.Select(kv => new OperationRow { Name = kv.Key, Rate = kv.Value }).ToList(),
        Models = s.ModelRates.Select(kv => new ModelRow { Name = kv.Key, InputPer1K = kv.Value.InputPer1K, OutputPer1K = kv.Value.OutputPer1K }).ToList(),
        Packages = [.. s.Packages],
    };

    /// <summary>Duplicate names are reported by validation rather than silently merged.</summary>
    public CreditSettings ToSettings() => new()
    {
        SignupGift = SignupGift,
        LowBalanceThreshold = LowBalanceThreshold,
        CriticalBalanceThreshold = CriticalBalanceThreshold,
        OperationRates = Operations.GroupBy(o => o.Name.Trim()).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.Single().Rate : -1),
        ModelRates = Models.GroupBy(m => m.Name.Trim()).ToDictionary(g => g.Key, g => g.Count() == 1 ? new ModelRate(g.Single().InputPer1K, g.Single().OutputPer1K) : new ModelRate(-1, -1)),
        Packages = [.. Packages],
    };

    public sealed class OperationRow
    {
        public string Name { get; set; } = "";
        public decimal Rate { get; set; }
    }

    public sealed class ModelRow
    {
        public string Name { get; set; } = "";
        public decimal InputPer1K { get; set; }
        public decimal OutputPer1K { get; set; }
    }
}
