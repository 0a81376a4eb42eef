using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Reports;

/// <summary>
/// A reporting day between 2000-01-01 and 2099-12-31; null passes. Ranges, previous periods and ISO weeks are computed
/// by adding days, which must never leave the calendar (<c>0001-01-01</c> minus a week throws).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ReportDateAttribute : ValidationAttribute
{
    public static readonly DateOnly Min = new(2000, 1, 1);
    public static readonly DateOnly Max = new(2099, 12, 31);

    public ReportDateAttribute() : base("Dates are between 2000-01-01 and 2099-12-31.") { }

    public override bool IsValid(object? value) => value is not DateOnly date || (date >= Min && date <= Max);
}
