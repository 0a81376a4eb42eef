using System.Security.Cryptography;
using AdPilot.Core.Identity;

namespace AdPilot.Web.Hosting;

/// <summary>
/// With no configured JWT key, creates one on first run and keeps it in the data directory, so tokens survive
/// restarts of the embedded default. A configured key always wins.
/// </summary>
internal static class SigningKeyStore
{
    public static void UseLocalKeyWhenUnset(JwtOptions options, AppPaths paths)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return;
        }

        var file = Path.Combine(paths.Sub("keys"), "jwt-signing.key");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        options.SigningKey = File.ReadAllText(file).Trim();
    }
}
