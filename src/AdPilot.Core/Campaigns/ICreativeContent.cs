using AdPilot.Core.Platforms;

namespace AdPilot.Core.Campaigns;

/// <summary>The bytes of a user's creative, for uploading it to an ad platform when an ad uses it.</summary>
public interface ICreativeContent
{
    /// <summary>The creative's file, or null when the user has no such creative.</summary>
    Task<CreativeUpload?> LoadAsync(long userId, long creativeId, CancellationToken ct);
}
