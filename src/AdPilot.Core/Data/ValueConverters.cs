using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AdPilot.Core.Data;

/// <summary>Every timestamp is UTC; providers that lose the kind on read (SQLite, MySQL) get it back here.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>Stores a decimal as a scaled 64-bit integer (four decimal places), exact under SQL arithmetic.</summary>
internal sealed class FixedPointDecimalConverter() : ValueConverter<decimal, long>(
    v => (long)decimal.Round(v * MoneyPrecision.Factor, 0, MidpointRounding.ToEven),
    v => (decimal)v / MoneyPrecision.Factor);
