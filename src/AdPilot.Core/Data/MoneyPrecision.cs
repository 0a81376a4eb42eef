namespace AdPilot.Core.Data;

/// <summary>Money and credits are stored with four decimal places on every provider.</summary>
public static class MoneyPrecision
{
    public const int Precision = 18;
    public const int Scale = 4;
    public const long Factor = 10_000;
}
