namespace AdPilot.Core.Platforms.Simulated;

/// <summary>FNV-1a: a hash that is the same in every process (string.GetHashCode is randomised per process).</summary>
internal static class StableHash
{
    public static ulong Of(string value)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A uniform number in [0, 1) from the parts.</summary>
    public static double Unit(params object[] parts) => (Of(string.Join('|', parts)) >> 11) / (double)(1UL << 53);
}
