using AdPilot.Web.Tests.Support;

namespace AdPilot.E2E.Support;

/// <summary>A test class with its own live AdPilot (its own data directory) and the shared headless Chromium.</summary>
public abstract class LiveAppTests(BrowserFixture browser, AdPilotFactory factory) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    protected IBrowser Browser => browser.Browser;

    protected string Url { get; private set; } = "";

    protected IServiceProvider Services => factory.Services;

    public virtual Task InitializeAsync()
    {
        Url = LiveApp.Start(factory);
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync() => await factory.DisposeAsync();
}
