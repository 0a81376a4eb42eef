namespace AdPilot.Core.Common;

/// <summary>A row that belongs to one user; every query over it filters by <see cref="UserId"/>.</summary>
public interface IOwned
{
    long UserId { get; }
}
