using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace AdPilot.Web.Tests.Support;

/// <summary>
/// The real host (Program) on its embedded defaults, with its own data directory, so every test class gets a fresh
/// SQLite database with the real migrations. Settings override configuration exactly as appsettings would.
/// </summary>
public class AdPilotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public AdPilotFactory()
        : this("Development", null)
    {
    }

    protected AdPilotFactory(string environment, IDictionary<string, string?>? settings)
    {
        Environment = environment;
        DataDirectory = Path.Combine(Path.GetTempPath(), "adpilot-web-" + Guid.NewGuid().ToString("N"));
        // Every test user signs in from the same test-server "IP", many times a minute: the per-IP sign-in limit would
        // refuse them. Tests of that limit set their own.
        _settings = new Dictionary<string, string?> { ["RateLimit:SignInPermitsPerMinute"] = "1000000" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>A host with these settings on top of appsettings (keys as in configuration, e.g. <c>Database:Provider</c>).</summary>
    public static AdPilotFactory With(string environment = "Development", IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        new Configured(environment, settings) { TestServices = services };

    public string Environment { get; }

    public string DataDirectory { get; }

    /// <summary>Replaces services after the host registered its own (e.g. a fake clock).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("DataDirectory", DataDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background thread; the temp folder is cleaned by the OS.
        }

        GC.SuppressFinalize(this);
    }

    private sealed class Configured(string environment, IDictionary<string, string?>? settings) : AdPilotFactory(environment, settings);
}
