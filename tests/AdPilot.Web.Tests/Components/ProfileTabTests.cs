using AdPilot.Core.Data;
using AdPilot.Core.Users;
using AdPilot.Web.Features.Users;
using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace AdPilot.Web.Tests.Components;

public sealed class ProfileTabTests : UiTestContext, IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"adpilot-bunit-{Guid.NewGuid():N}.db");
    private UserService _users = null!;
    private UserProfile _user = null!;
    private AvatarService _avatars = null!;
    private readonly AvatarStorage _storage = new();

    public async Task InitializeAsync()
    {
        var services = new ServiceCollection();
        services.AddDbContextFactory<AppDbContext>(o => DatabaseSetup.Configure(o, DatabaseProvider.Sqlite, $"Data Source={_file};Pooling=False", ""));
        var factory = services.BuildServiceProvider().GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }

        _users = new UserService(factory, TimeProvider.System, Options.Create(new AdminOptions()));
        _user = await _users.SignInAsync(new ExternalIdentity(AuthProviders.Dev, "p@example.com", "p@example.com", "Pat", null));
        Services.AddSingleton(_users);
        Services.AddScoped<CurrentUser>();
        _avatars = new AvatarService(factory, _users, _storage.Store, new AdPilot.Core.Creatives.CreativeMedia(Options.Create(new AdPilot.Core.Creatives.CreativeOptions())), TimeProvider.System);
        Services.AddSingleton(_avatars);
        AddAuthorization().SetAuthorized("p@example.com").SetClaims(new System.Security.Claims.Claim("sub", _user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        _storage.Dispose();
    }

    [Fact]
    public async Task UploadedAvatar_IsShownWithRemove_AndRemoveClearsItAndTheAppBarProfile()
    {
        await using (var png = new MemoryStream(AdPilot.Web.Tests.Support.TestImages.Png(80, 60)))
        {
            await _avatars.UploadAsync(_user.Id, png);
        }

        var tab = Render<ProfileTab>();
        tab.WaitForAssertion(() => Assert.StartsWith($"/avatars/{_user.Id}/", tab.Find("[data-testid=profile-avatar-image]").GetAttribute("src"), StringComparison.Ordinal));
        Assert.Equal("", tab.Find("input[data-testid=profile-avatar]").GetAttribute("value") ?? "");

        tab.Find("[data-testid=avatar-remove]").Click();

        tab.WaitForAssertion(() => Assert.Empty(tab.FindAll("[data-testid=profile-avatar-image]")));
        Assert.Null((await _users.GetAsync(_user.Id)).AvatarUrl);
        Assert.Null((await Services.GetRequiredService<CurrentUser>().GetAsync(_user.Id)).AvatarUrl);
        Assert.Empty(Directory.EnumerateFiles(_storage.Folder, "*", SearchOption.AllDirectories));
    }

    /// <summary>A throwaway local storage folder for the avatar files.</summary>
    private sealed class AvatarStorage : IDisposable
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"adpilot-avatars-{Guid.NewGuid():N}");

        public AdPilot.Core.Storage.LocalObjectStorage Store => _store ??= new(Options.Create(new AdPilot.Core.Storage.StorageOptions
        {
            Local = new AdPilot.Core.Storage.LocalStorageOptions { Folder = Folder, SigningKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 3)).ToArray()) },
        }), TimeProvider.System);

        private AdPilot.Core.Storage.LocalObjectStorage? _store;

        public void Dispose()
        {
            if (Directory.Exists(Folder))
            {
                Directory.Delete(Folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Loads_TheProfile_WithTheEmailReadOnly()
    {
        var tab = Render<ProfileTab>();

        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=profile-form]")));
        Assert.Equal("Pat", tab.Find("input[data-testid=profile-name]").GetAttribute("value"));
        var email = tab.FindAll("input").Single(i => i.GetAttribute("value") == "p@example.com");
        Assert.True(email.HasAttribute("disabled") || email.HasAttribute("readonly"));
    }

    [Fact]
    public async Task Save_NewName_IsStoredAndConfirmed()
    {
        var tab = Render<ProfileTab>();
        tab.WaitForAssertion(() => Assert.NotNull(tab.Find("[data-testid=profile-form]")));

        tab.Find("input[data-testid=profile-name]").Change("Pat Smith");
        tab.Find("form").Submit();

        tab.WaitForAssertion(() => Assert.Contains("Profile saved.", Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message)));
        Assert.Equal("Pat Smith", (await _users.GetAsync(_user.Id)).Name);
    }
}
