namespace AdPilot.Core.Common;

/// <summary>A stream copied to a temporary file (deleted on close), so it can be inspected and re-read without holding it in memory.</summary>
public static class TempFile
{
    /// <summary>An empty temporary file, read-write, deleted when closed.</summary>
    public static FileStream Create(string purpose) =>
        new(Path.Combine(Path.GetTempPath(), $"adpilot-{purpose}-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);

    /// <summary>Copies at most <paramref name="maxBytes"/>; more throws what <paramref name="tooLarge"/> makes, and nothing is kept.</summary>
    public static async Task<FileStream> CopyAsync(Stream source, long maxBytes, Func<Exception> tooLarge, CancellationToken ct)
    {
        var file = Create("upload");
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, ct)) > 0)
            {
                if (file.Length + read > maxBytes)
                {
                    throw tooLarge();
                }

                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
