namespace AdPilot.Core.Common.Net;

/// <summary>
/// What the caller accepts: at most <paramref name="MaxBytes"/> of one of <paramref name="ContentTypes"/> (media types, no
/// parameters), within <paramref name="Timeout"/> when it is shorter than the fetcher's own limit (<c>SafeFetch:Timeout</c>).
/// </summary>
public sealed record FetchLimits(long MaxBytes, IReadOnlyCollection<string> ContentTypes, TimeSpan? Timeout = null);
