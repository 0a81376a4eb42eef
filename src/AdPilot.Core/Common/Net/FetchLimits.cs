namespace AdPilot.Core.Common.Net;

/// <summary>What the caller accepts: at most <paramref name="MaxBytes"/> of one of <paramref name="ContentTypes"/> (media types, no parameters).</summary>
public sealed record FetchLimits(long MaxBytes, IReadOnlyCollection<string> ContentTypes);
