using AdPilot.Core.Storage;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Tests.Support;

/// <summary>A local object store in a fresh temporary folder, deleted afterwards.</summary>
public sealed class TestStorage : IDisposable
{
    public TestStorage(TimeProvider? clock = null)
    {
        Folder = Path.Combine(Path.GetTempPath(), "adpilot-files-" + Guid.NewGuid().ToString("N"));
        Store = new LocalObjectStorage(Options.Create(new StorageOptions
        {
            Local = new LocalStorageOptions { Folder = Folder, SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 3)).ToArray()) },
        }), clock ?? TestClock.At2026());
    }

    public string Folder { get; }

    public LocalObjectStorage Store { get; }

    /// <summary>Every stored object's key (content files only, not the store's own metadata).</summary>
    public IReadOnlyList<string> Keys() =>
        Directory.Exists(Folder)
            ? Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
                .Where(k => !k.StartsWith('.')).Order(StringComparer.Ordinal).ToList()
            : [];

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
