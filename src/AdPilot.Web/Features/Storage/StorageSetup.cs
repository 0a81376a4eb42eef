using System.Security.Cryptography;
using AdPilot.Core.Storage;
using AdPilot.Web.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        var configured = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>();
        if (configured is { Provider: StorageProvider.S3 })
        {
            builder.Services.AddSingleton<IObjectStorage, S3ObjectStorage>();
        }
        else
        {
            builder.Services.AddSingleton<LocalObjectStorage>();
            builder.Services.AddSingleton<IObjectStorage>(sp => sp.GetRequiredService<LocalObjectStorage>());
        }

        if (configured is { Provider: StorageProvider.S3, S3.CloudFront.IsEnabled: true })
        {
            builder.AddCloudFrontInvalidation();
        }

        builder.Services.TryAddSingleton<ICdnInvalidator, NoCdnInvalidator>();
    }

    /// <summary>
    /// CloudFront's HTTP API signed with SigV4 (ADR 033). A singleton keeps its client, so pooled connections are
    /// recycled to follow DNS; the default HttpClient loggers stay off.
    /// </summary>
    private static void AddCloudFrontInvalidation(this WebApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(nameof(CloudFrontInvalidator))
            .ConfigureHttpClient(c => c.Timeout = Timeout.InfiniteTimeSpan) // the invalidator times each attempt
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();
        builder.Services.TryAddSingleton<ICdnInvalidator>(sp => new CloudFrontInvalidator(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(CloudFrontInvalidator)),
            sp.GetRequiredService<IOptions<StorageOptions>>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CloudFrontInvalidator>>()));
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
