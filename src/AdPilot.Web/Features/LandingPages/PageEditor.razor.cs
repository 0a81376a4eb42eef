using System.Globalization;
using AdPilot.Core.Common;
using AdPilot.Core.LandingPages;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace AdPilot.Web.Features.LandingPages;

/// <summary>
/// The editor around one page (docs/decisions/032): the in-memory document and its history (<see cref="EditorState"/>),
/// autosave a second after the last change with the last known <c>updatedAt</c> (a conflict stops it and says so), the
/// debounced preview, keyboard undo/redo and publishing.
/// </summary>
public sealed partial class PageEditor
{
    public static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan PreviewDelay = TimeSpan.FromMilliseconds(250);

    private EditorState _state = null!;
    private LandingPageView _view = null!;
    private LandingPageDocument _savedDocument = null!;
    private DateTime? _baseUpdatedAt;
    private SaveStatus _status = SaveStatus.Saved;
    private string? _saveError;
    private bool _saving;
    private bool _busy;
    private int _tab;
    private string _previewHtml = "";
    private bool _previewFailed;
    private Debouncer _saveTimer = null!;
    private Debouncer _previewTimer = null!;

    [Parameter, EditorRequired]
    public LandingPageView Page { get; set; } = null!;

    [Parameter]
    public long UserId { get; set; }

    /// <summary>Loads the page again (after a conflict).</summary>
    [Parameter]
    public EventCallback OnReload { get; set; }

    [Inject] private LandingPageService Pages { get; set; } = null!;
    [Inject] private LandingPagePublisher Publisher { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The live page's absolute address, or null while it is not published.</summary>
    private string? PublicUrl => _view.Status == LandingPageStatus.Published && _view.PublishedUrl is { } url ? Navigation.ToAbsoluteUri(url).ToString() : null;

    protected override void OnInitialized()
    {
        _view = Page;
        _saveTimer = new Debouncer(Clock, SaveDelay);
        _previewTimer = new Debouncer(Clock, PreviewDelay);
        _baseUpdatedAt = Page.UpdatedAt;
        _state = new EditorState(Page.Document);
        _savedDocument = _state.Document;
        _state.SelectedId = (_state.Blocks.Count > 0 ? _state.Blocks[0].Id : null);
        _state.Changed += OnChanged;
        _state.SelectionChanged += StateHasChanged;
        RenderPreview();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        if (await ModuleAsync() is not null)
        {
            await CallAsync("init", Self);
        }
    }

    [JSInvokable]
    public Task UndoFromKeyboard() => InvokeAsync(Undo);

    [JSInvokable]
    public Task RedoFromKeyboard() => InvokeAsync(Redo);

    private void Undo() => _state.Undo();

    private void Redo() => _state.Redo();

    private void OnChanged()
    {
        _status = ReferenceEquals(_state.Document, _savedDocument) ? SaveStatus.Saved : _status == SaveStatus.Conflict ? SaveStatus.Conflict : SaveStatus.Pending;
        _ = InvokeAsync(async () =>
        {
            StateHasChanged();
            await DirtyAsync();
            await Task.WhenAll(DebouncedSaveAsync(), DebouncedPreviewAsync());
        });
    }

    private async Task DebouncedSaveAsync()
    {
        if (_status is SaveStatus.Saved or SaveStatus.Conflict)
        {
            return;
        }

        if (await _saveTimer.WaitAsync())
        {
            await SaveNowAsync();
        }
    }

    private async Task DebouncedPreviewAsync()
    {
        if (await _previewTimer.WaitAsync())
        {
            RenderPreview();
            StateHasChanged();
        }
    }

    private async Task SaveNowAsync() => await SaveAsync(_baseUpdatedAt);

    /// <summary>Saves over the other change after a conflict (the user chose to keep this version).</summary>
    private async Task OverwriteAsync() => await SaveAsync(baseUpdatedAt: null);

    private async Task SaveAsync(DateTime? baseUpdatedAt)
    {
        _saveTimer.Cancel();
        if (_saving)
        {
            return; // the save in flight saves again when it ends if the document moved on
        }

        var document = _state.Document;
        _saving = true;
        _status = SaveStatus.Saving;
        _saveError = null;
        StateHasChanged();
        try
        {
            _view = await Pages.UpdateAsync(UserId, Page.Id, new UpdateLandingPageRequest { Document = document, BaseUpdatedAt = baseUpdatedAt });
            _baseUpdatedAt = _view.UpdatedAt;
            _savedDocument = document;
            _status = ReferenceEquals(document, _state.Document) ? SaveStatus.Saved : SaveStatus.Pending;
        }
        catch (ConflictException ex) when (ex.Code == "edit_conflict")
        {
            _status = SaveStatus.Conflict;
        }
        catch (ValidationFailedException ex)
        {
            _status = SaveStatus.Failed;
            _saveError = ex.Errors.Values.SelectMany(e => e).FirstOrDefault() ?? ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _status = SaveStatus.Failed;
        }
        finally
        {
            _saving = false;
        }

        StateHasChanged();
        await DirtyAsync();
        if (_status == SaveStatus.Pending)
        {
            await DebouncedSaveAsync();
        }
    }

    private void RenderPreview()
    {
        try
        {
            var context = new RenderContext(Page.Id, _view.Slug, "", null, file => LandingPageRoutes.Asset(Page.Id, file), Preview: true);
            _previewHtml = LandingPageRenderer.Render(_state.Document, context);
            _previewFailed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _previewFailed = true;
        }
    }

    private async Task PublishAsync()
    {
        if (!await SavedBeforePublishingAsync())
        {
            return;
        }

        var url = PublicUrl ?? Navigation.ToAbsoluteUri(LandingPageRoutes.Page(_view.Slug)).ToString();
        var body = _view.Status == LandingPageStatus.Published
            ? _view.HasUnpublishedChanges
                ? string.Format(CultureInfo.CurrentCulture, L["LandingPages.Editor.Republish.Changes"], _view.PublishedVersion)
                : L["LandingPages.Editor.Republish.NoChanges"].Value
            : L["LandingPages.Editor.Publish.Body"].Value;
        var confirmed = await Dialogs.ShowMessageBoxAsync(string.Format(CultureInfo.CurrentCulture, L["LandingPages.Editor.Publish.Title"], url), body,
            yesText: L["LandingPages.Editor.Publish"], cancelText: L["Common.Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(() => Publisher.PublishAsync(UserId, Page.Id), "LandingPages.Editor.Published");
        }
    }

    private async Task UnpublishAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(L["LandingPages.Editor.Unpublish.Title"], L["LandingPages.Editor.Unpublish.Body"],
            yesText: L["LandingPages.Editor.Unpublish"], cancelText: L["Common.Cancel"]);
        if (confirmed == true)
        {
            await RunAsync(() => Publisher.UnpublishAsync(UserId, Page.Id), "LandingPages.Editor.Unpublished");
        }
    }

    /// <summary>Publishing renders the saved draft: pending changes are saved first, and a failed save stops it.</summary>
    private async Task<bool> SavedBeforePublishingAsync()
    {
        if (_status != SaveStatus.Saved)
        {
            await SaveNowAsync();
        }

        if (_status == SaveStatus.Saved)
        {
            return true;
        }

        Snackbar.Add(L["LandingPages.Editor.SaveFirst"], Severity.Warning);
        return false;
    }

    private async Task RunAsync(Func<Task<LandingPageView>> action, string doneKey)
    {
        _busy = true;
        try
        {
            _view = await action();
            _baseUpdatedAt = _view.UpdatedAt;
            Snackbar.Add(L[doneKey], Severity.Success);
        }
        catch (DomainException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Snackbar.Add(L["Common.SaveFailed"], Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task CopyUrlAsync()
    {
        if (PublicUrl is { } url)
        {
            await CallAsync("copy", url);
            Snackbar.Add(L["LandingPages.Editor.Copied"], Severity.Info);
        }
    }

    private Task DirtyAsync() => CallAsync("setDirty", _status != SaveStatus.Saved);

    protected override async Task BeforeDisposeAsync(IJSObjectReference module) => await module.InvokeVoidAsync("dispose");

    protected override ValueTask DisposeMoreAsync()
    {
        _state.Changed -= OnChanged;
        _state.SelectionChanged -= StateHasChanged;
        _saveTimer.Dispose();
        _previewTimer.Dispose();
        return ValueTask.CompletedTask;
    }
}
