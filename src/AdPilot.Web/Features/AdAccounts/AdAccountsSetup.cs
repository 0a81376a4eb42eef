using System.Security.Cryptography;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Platforms;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Web.Hosting;

namespace AdPilot.Web.Features.AdAccounts;

internal static class AdAccountsSetup
{
    /// <summary>The token vault (keys from configuration, else one local key under the data directory) and the simulated platform.</summary>
    public static void AddAdAccounts(this WebApplicationBuilder builder, AppPaths paths)
    {
        builder.Services.AddOptions<TokenVaultOptions>().Bind(builder.Configuration.GetSection(TokenVaultOptions.Section))
            .PostConfigure(o => UseLocalKeyWhenUnset(o, paths))
            .Validate(o => o.ActiveKeyId is not null && o.Keys.ContainsKey(o.ActiveKeyId), "TokenVault:ActiveKeyId must name one of TokenVault:Keys.")
            .Validate(o => o.Keys.Values.All(IsKey), "Every TokenVault:Keys entry must be base64 of 32 random bytes (openssl rand -base64 32).")
            .ValidateOnStart();
        builder.Services.AddOptions<SimulatedPlatformOptions>().Bind(builder.Configuration.GetSection(SimulatedPlatformOptions.Section))
            .PostConfigure(o => o.StateFile ??= Path.Combine(paths.Root, "simulated-platform.json"))
            .Validate(o => o.TokenLifetime > TimeSpan.Zero && o.RefreshTokenLifetime > TimeSpan.Zero, "Platforms:Simulated token lifetimes must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SimulatedFaults>();
        builder.Services.AddSingleton<SimulatedAdPlatform>();
        builder.Services.AddSingleton<IAdPlatform>(sp => sp.GetRequiredService<SimulatedAdPlatform>());
    }

    private static bool IsKey(string value)
    {
        Span<byte> bytes = stackalloc byte[64];
        return Convert.TryFromBase64String(value, bytes, out var written) && written == 32;
    }

    /// <summary>The embedded default: a key made on first run and kept in <c>keys/token-vault-local-1.key</c>.</summary>
    private static void UseLocalKeyWhenUnset(TokenVaultOptions options, AppPaths paths)
    {
        if (options.Keys.Count > 0)
        {
            options.ActiveKeyId ??= options.Keys.Keys.Count == 1 ? options.Keys.Keys.Single() : null;
            return;
        }

        const string id = "local-1";
        var file = Path.Combine(paths.Sub("keys"), $"token-vault-{id}.key");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        options.Keys[id] = File.ReadAllText(file).Trim();
        options.ActiveKeyId = id;
    }
}
