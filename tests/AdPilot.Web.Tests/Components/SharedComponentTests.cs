using AdPilot.Web.Components.Shared;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace AdPilot.Web.Tests.Components;

public sealed class SharedComponentTests : UiTestContext
{
    [Fact]
    public void ErrorBoundary_ChildThrows_ShowsTheErrorWithReload()
    {
        var boundary = Render<AppErrorBoundary>(p => p.AddChildContent<Thrower>());

        Assert.NotNull(boundary.Find("[data-testid=error-boundary]"));
        Assert.Contains("Something went wrong", boundary.Markup, StringComparison.Ordinal);
        Assert.Equal("Reload", boundary.Find("button").TextContent.Trim());
    }

    [Fact]
    public void ErrorBoundary_HealthyChild_RendersIt()
    {
        var boundary = Render<AppErrorBoundary>(p => p.AddChildContent("<p id=ok>fine</p>"));

        Assert.Equal("fine", boundary.Find("#ok").TextContent);
    }

    [Fact]
    public void LoadError_Retry_CallsBack()
    {
        var retried = 0;
        var error = Render<LoadError>(p => p.Add(e => e.OnRetry, EventCallback.Factory.Create(this, () => retried++)));

        error.Find("button").Click();

        Assert.Equal(1, retried);
        Assert.Contains("couldn't load", error.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void PageSkeleton_RendersTheRequestedRowsAsBusy()
    {
        var skeleton = Render<PageSkeleton>(p => p.Add(s => s.Rows, 4));

        Assert.Equal("true", skeleton.Find("[data-testid=skeleton]").GetAttribute("aria-busy"));
        Assert.Equal(5, skeleton.FindAll(".mud-skeleton").Count);
    }

    private sealed class Thrower : ComponentBase
    {
        protected override void OnInitialized() => throw new InvalidOperationException("boom");
    }
}
