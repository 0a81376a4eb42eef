using AdPilot.Core.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Hosting;

/// <summary>Prints where AdPilot listens and which components are embedded, once the server is up.</summary>
internal static class StartupBanner
{
    public static void PrintWhenStarted(WebApplication app, AppPaths paths)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var db = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var redis = app.Configuration.RedisConnectionString() is null ? "in-memory" : "Redis";
            app.Logger.LogInformation(
                "AdPilot is running at {Urls} ({Environment}; database {Provider}; cache and jobs {Redis}; data in {DataDirectory})",
                string.Join(", ", addresses), app.Environment.EnvironmentName, db.Provider, redis, paths.Root);
        });
    }
}
