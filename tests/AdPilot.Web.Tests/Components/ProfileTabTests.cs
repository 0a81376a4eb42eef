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
        AddAuthorization().SetAuthorized("p@example.com").SetClaims(new System.Security.Claims.Claim("sub", _user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
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
