using AdPilot.Core.Common;

namespace AdPilot.Core.Creatives;

/// <summary>An upload copied to a temporary file (deleted on close), so it can be inspected and re-read without holding it in memory.</summary>
internal static class UploadBuffer
{
    public static Task<FileStream> CopyAsync(Stream source, long maxBytes, CancellationToken ct) =>
        TempFile.CopyAsync(source, maxBytes, () => CreativeMedia.Invalid($"The file is larger than the {maxBytes:N0} bytes accepted."), ct);
}
