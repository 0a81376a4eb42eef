using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// A part of the editor that talks to js/landing-editor.js: imports the module once, gives it a reference back to the
/// component, and tolerates being disposed mid-import (switching blocks quickly) or with the circuit gone.
/// </summary>
public abstract class EditorModule<TSelf> : ComponentBase, IAsyncDisposable
    where TSelf : EditorModule<TSelf>
{
    private IJSObjectReference? _module;
    private bool _disposed;

    [Inject] private IJSRuntime JS { get; set; } = null!;

    protected DotNetObjectReference<TSelf>? Self { get; private set; }

    /// <summary>The imported module, or null once this component is gone (or in tests with no JavaScript).</summary>
    protected async Task<IJSObjectReference?> ModuleAsync()
    {
        if (_module is null && !_disposed)
        {
            Self ??= DotNetObjectReference.Create((TSelf)this);
            _module = await JS.InvokeAsync<IJSObjectReference?>("import", "./js/landing-editor.js");
        }

        return _disposed ? null : _module;
    }

    /// <summary>Calls the module unless the component is gone; a closed circuit is not an error.</summary>
    protected async Task CallAsync(string identifier, params object?[] args)
    {
        try
        {
            if (await ModuleAsync() is { } module)
            {
                await module.InvokeVoidAsync(identifier, args);
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page with it.
        }
    }

    /// <summary>What to undo in the browser before the module reference goes.</summary>
    protected virtual Task BeforeDisposeAsync(IJSObjectReference module) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_module is not null)
        {
            try
            {
                await BeforeDisposeAsync(_module);
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the page with it.
            }
        }

        Self?.Dispose();
        await DisposeMoreAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The component's own clean-up.</summary>
    protected virtual ValueTask DisposeMoreAsync() => ValueTask.CompletedTask;
}
