using AdPilot.Core.Common;
using AdPilot.Core.Common.Net;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Creatives;

/// <summary>
/// Creates a creative from a URL: the file is fetched through <see cref="SafeHttpFetcher"/> (public addresses only, the
/// creative size limit and content types) and then judged and stored exactly as an upload.
/// </summary>
public sealed class CreativeUrlImport(SafeHttpFetcher fetcher, CreativeService creatives, IOptions<CreativeOptions> options)
{
    private static readonly string[] ContentTypes = [.. MediaFormat.All.Select(f => f.ContentType)];

    public async Task<CreativeView> ImportAsync(long userId, string url, CreateCreativeRequest request, CancellationToken ct = default)
    {
        RequestValidator.Validate(request); // before anything is fetched
        await using var file = await fetcher.FetchAsync(url, new FetchLimits(options.Value.MaxBytes, ContentTypes), ct);
        return await creatives.UploadAsync(userId, file.Content, file.FileName, request, ct);
    }
}
