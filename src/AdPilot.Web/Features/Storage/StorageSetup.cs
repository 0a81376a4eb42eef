using System.Security.Cryptography;
using AdPilot.Core.Storage;
using AdPilot.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AdPilot.Web.Features.Storage;

internal static class StorageSetup
{
    /// <summary>
    /// Object storage by <c>Storage:Provider</c>: a folder under the data directory (default; its signing key is
    /// created in <c>keys/</c> on first run) or S3. Safe to call from every feature that stores files.
    /// </summary>
    public static void AddObjectStorage(this WebApplicationBuilder builder, AppPaths paths)
    {
        if (builder.Services.Any(s => s.ServiceType == typeof(IObjectStorage)))
        {
            return;
        }

        builder.Services.AddOptions<StorageOptions>().Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .PostConfigure(o =>
            {
                o.Local.Folder = Path.GetFullPath(o.Local.Folder, paths.Root);
                if (o.Provider == StorageProvider.Local && string.IsNullOrWhiteSpace(o.Local.SigningKey))
                {
                    o.Local.SigningKey = LocalSigningKey(paths);
                }
            })
            .ValidatePlainly()
            .ValidateOnStart();
        if (builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() is { Provider: StorageProvider.S3 })
        {
            builder.Services.AddSingleton<IObjectStorage, S3ObjectStorage>();
        }
        else
        {
            builder.Services.AddSingleton<LocalObjectStorage>();
            builder.Services.AddSingleton<IObjectStorage>(sp => sp.GetRequiredService<LocalObjectStorage>());
        }

        builder.Services.TryAddSingleton<ICdnInvalidator, NoCdnInvalidator>();
    }

    private static string LocalSigningKey(AppPaths paths)
    {
        var file = Path.Combine(paths.Sub("keys"), "storage-signing.key");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(file).Trim();
    }
}
