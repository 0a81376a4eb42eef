using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AdPilot.Web.Tests.Components;

/// <summary>A bUnit context with what AdPilot's components expect: MudBlazor, the UI strings, loose JS interop.</summary>
public abstract class UiTestContext : BunitContext
{
    protected UiTestContext()
    {
        Services.AddMudServices();
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        Services.AddSingleton(TimeProvider.System);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
