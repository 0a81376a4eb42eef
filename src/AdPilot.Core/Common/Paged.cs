namespace AdPilot.Core.Common;

/// <summary>One page of a list and the total count, for pagination in the API and the UI.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
