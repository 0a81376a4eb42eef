namespace AdPilot.Core.Creatives;

/// <summary>
/// Where creatives and their uploads live in object storage. Presigned uploads sit under one top-level prefix, so one
/// listing finds the abandoned ones (and a bucket lifecycle rule could expire them); a completed upload's checked bytes
/// move to the user's creative folder under the same id, which is how a second completion is recognised.
/// </summary>
public static class UploadKeys
{
    public const string UploadsPrefix = "uploads/";

    public static string NewUpload(long userId, string extension) => $"{UploadsPrefix}{userId}/{Guid.NewGuid():N}{extension}";

    public static string NewCreative(long userId, string extension) => $"u/{userId}/c/{Guid.NewGuid():N}{extension}";

    /// <summary>The creative key (before its extension) this user's upload becomes; null when the key is not an upload of theirs.</summary>
    public static string? CreativeStemOf(long userId, string key)
    {
        var prefix = $"{UploadsPrefix}{userId}/";
        if (!key.StartsWith(prefix, StringComparison.Ordinal) || key.Length < prefix.Length + 32)
        {
            return null;
        }

        var id = key.Substring(prefix.Length, 32);
        var extension = key[(prefix.Length + 32)..];
        return Guid.TryParseExact(id, "N", out _) && MediaFormat.All.Any(f => f.Extension == extension) ? $"u/{userId}/c/{id}" : null;
    }
}
