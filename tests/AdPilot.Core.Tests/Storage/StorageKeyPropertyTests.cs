using AdPilot.Core.Storage;
using AdPilot.Core.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace AdPilot.Core.Tests.Storage;

/// <summary>No key, however hostile, names a file outside the local store's folder.</summary>
public sealed class StorageKeyPropertyTests
{
    private static readonly string[] Pieces =
    [
        "..", ".", "/", "//", "\\", "..\\", "../", "%2e%2e", "%2f", "~", ":", "C:", "C:\\", "\0", " ", "\n", "*", "?",
        "etc", "passwd", "a", "b.png", ".meta", ".tmp", "u", "1", "-", "_", "é", "∕", "．．", "files", "..a", "a..", "/etc/passwd",
    ];

    [Property(MaxTest = 500)]
    public bool HostileKeys_AreRefused_OrStayUnderTheRoot(byte[] picks)
    {
        var key = string.Concat(picks.Select(p => Pieces[p % Pieces.Length]));
        return StaysInside(key);
    }

    [Property(MaxTest = 300)]
    public bool ArbitraryStrings_AreRefused_OrStayUnderTheRoot(NonNull<string> key) => StaysInside(key.Get);

    [Theory]
    [InlineData("../x")]
    [InlineData("a/../../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData(".meta/a.type")]
    [InlineData("a\\..\\..\\x")]
    [InlineData("C:\\x")]
    [InlineData("")]
    public void Require_HostileKey_Throws(string key) => Assert.Throws<InvalidStorageKeyException>(() => StorageKeys.Require(key));

    [Theory]
    [InlineData("u/42/c/0f3a.png")]
    [InlineData("a")]
    [InlineData("a.b.c/d-e_f")]
    public void IsValid_PlainKeys_True(string key) => Assert.True(StorageKeys.IsValid(key));

    private static bool StaysInside(string key)
    {
        using var storage = new TestStorage();
        string path;
        try
        {
            path = storage.Store.PathOf(key);
        }
        catch (InvalidStorageKeyException)
        {
            return !StorageKeys.IsValid(key);
        }

        var root = storage.Store.Root + Path.DirectorySeparatorChar;
        return StorageKeys.IsValid(key) && path.StartsWith(root, StringComparison.Ordinal)
            && !Path.GetRelativePath(storage.Store.Root, path).StartsWith('.');
    }
}
