namespace AdPilot.Core.Storage;

/// <summary>
/// The one rule for object keys, the same for every store: 1–512 characters of <c>A–Z a–z 0–9 - _ .</c> in segments
/// separated by single slashes; no segment starts with a dot (so no <c>.</c>, <c>..</c> or hidden files), no leading
/// or trailing slash. Whatever a caller sends, a valid key cannot name anything outside the store's root.
/// </summary>
public static class StorageKeys
{
    public const int MaxLength = 512;

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxLength)
        {
            return false;
        }

        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.' || !segment.All(IsAllowed))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns the key when valid; throws <see cref="InvalidStorageKeyException"/> otherwise.</summary>
    public static string Require(string? key) =>
        IsValid(key) ? key! : throw new InvalidStorageKeyException(key);

    private static bool IsAllowed(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}

public sealed class InvalidStorageKeyException(string? key)
    : ArgumentException($"'{Truncate(key)}' is not a valid storage key.")
{
    private static string Truncate(string? key) => key is null ? "" : key.Length > 80 ? key[..80] + "…" : key;
}
