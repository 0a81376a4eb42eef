using AdPilot.Core.Campaigns;
using AdPilot.Core.Data;
using AdPilot.Core.Platforms;
using AdPilot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Creatives;

/// <summary>A user's creative file from object storage, for uploading it to the ad platform an ad runs on.</summary>
public sealed class StoredCreativeContent(IDbContextFactory<AppDbContext> dbFactory, IObjectStorage storage) : ICreativeContent
{
    public async Task<CreativeUpload?> LoadAsync(long userId, long creativeId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var creative = await db.Creatives.AsNoTracking().SingleOrDefaultAsync(c => c.Id == creativeId && c.UserId == userId, ct);
        if (creative is null)
        {
            return null;
        }

        await using var stream = await storage.GetAsync(creative.StorageKey, ct);
        if (stream is null)
        {
            return null;
        }

        // Platform upload APIs take the whole file in one request; videos are read into memory here (see ADR 009).
        using var buffer = new MemoryStream(creative.FileSize > 0 && creative.FileSize < int.MaxValue ? (int)creative.FileSize : 0);
        await stream.CopyToAsync(buffer, ct);
        var extension = creative.ContentType.Split('/').Last();
        return new CreativeUpload($"{creative.Name}.{extension}", creative.ContentType,
            creative.Type == CreativeType.Video ? CreativeMediaKind.Video : CreativeMediaKind.Image, buffer.ToArray());
    }
}
