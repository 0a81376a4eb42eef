using System.Security.Cryptography;
using System.Text.RegularExpressions;
using AdPilot.Core.Common;
using AdPilot.Core.Creatives;
using AdPilot.Core.Data;
using AdPilot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Users;

/// <summary>
/// Uploaded profile pictures: checked like a creative image (format by content, size, pixel limits), re-encoded to
/// square PNGs (256 and 64 px, so no byte of the original is served) and stored under <c>avatars/{userId}/</c>, the
/// prefix the export and account deletion rely on. Served at <c>/avatars/{userId}/{random}-{size}.png</c>: anyone with
/// the link can load it (like a Google profile picture), nobody can guess it.
/// </summary>
public sealed partial class AvatarService(IDbContextFactory<AppDbContext> dbFactory, UserService users, IObjectStorage storage, CreativeMedia media, TimeProvider clock)
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int Size = 256;
    public const int SmallSize = 64;
    public const string UrlPrefix = "/avatars/";

    public static string Prefix(long userId) => "avatars/" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    /// <summary>Validates and stores a new avatar, replaces the old one, and returns the updated profile.</summary>
    public async Task<UserProfile> UploadAsync(long userId, Stream file, CancellationToken ct = default)
    {
        await using var buffer = await BufferAsync(file, ct);
        var facts = await media.InspectAsync(buffer, ct);
        if (facts.Format.Type != CreativeType.Image)
        {
            throw CreativeMedia.Invalid("A profile picture must be a JPEG, PNG, GIF or WebP image.");
        }

        var copies = await media.SquareCopiesAsync(buffer, [Size, SmallSize], ct);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var previous = await ObjectKeysAsync(userId, ct);
        try
        {
            foreach (var (size, png) in copies)
            {
                await storage.PutAsync(Key(userId, token, size), png, "image/png", ct);
            }
        }
        finally
        {
            copies.ToList().ForEach(c => c.Png.Dispose());
        }

        var profile = await SetUrlAsync(userId, UrlPrefix + Key(userId, token, Size)["avatars/".Length..], ct);
        await DeleteAsync(previous, ct);
        return profile;
    }

    /// <summary>Removes the uploaded avatar (or a linked one): the profile shows the initial again.</summary>
    public async Task<UserProfile> RemoveAsync(long userId, CancellationToken ct = default)
    {
        var keys = await ObjectKeysAsync(userId, ct);
        var profile = await SetUrlAsync(userId, null, ct);
        await DeleteAsync(keys, ct);
        return profile;
    }

    /// <summary>The storage key behind a served avatar path (<c>{userId}/{token}-{size}.png</c>), or null when it is not one.</summary>
    public static string? KeyOf(long userId, string file) => FileName().IsMatch(file) ? Prefix(userId) + file : null;

    public Task<Stream?> OpenAsync(string key, CancellationToken ct = default) => storage.GetAsync(key, ct);

    private static string Key(long userId, string token, int size) =>
        Prefix(userId) + token + "-" + size.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".png";

    private static async Task<MemoryStream> BufferAsync(Stream file, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                await buffer.DisposeAsync();
                throw CreativeMedia.Invalid($"The picture is larger than {MaxBytes / (1024 * 1024)} MB.");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    private async Task<List<string>> ObjectKeysAsync(long userId, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var listed in storage.ListOlderThanAsync(Prefix(userId), DateTimeOffset.MaxValue, ct))
        {
            keys.Add(listed.Key);
        }

        return keys;
    }

    private async Task DeleteAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        foreach (var key in keys)
        {
            await storage.DeleteAsync(key, ct);
        }
    }

    private async Task<UserProfile> SetUrlAsync(long userId, string? url, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException("User", userId);
        user.AvatarUrl = url;
        user.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return await users.GetAsync(userId, ct);
    }

    [GeneratedRegex("^[0-9a-f]{32}-(256|64)\\.png$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
