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
        Services.AddSingleton<Microsoft.AspNetCore.Hosting.IWebHostEnvironment>(Environment);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>Production unless a test says otherwise (Development-only links then appear).</summary>
    protected TestEnvironment Environment { get; } = new();

    protected sealed class TestEnvironment : Microsoft.AspNetCore.Hosting.IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ApplicationName { get; set; } = "AdPilot.Web";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Production";
    }
}
