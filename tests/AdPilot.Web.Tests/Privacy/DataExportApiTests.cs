using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.Export;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Web.Tests.Privacy;

/// <summary>The export API through the real host: start (202, one at a time), status, download for 24 hours, owner only.</summary>
public sealed class DataExportApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly RecordingQueue _queue = new();
    private AdPilotFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = AdPilotFactory.With(services: s =>
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<IDataExportQueue>(_queue); // the test runs the job itself, deterministically
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task StartExport_ThenRun_StatusHasLinkAndTheDownloadIsAZip()
    {
        var client = await _app.CreateBearerClientAsync("export-api@example.com");

        var started = await client.PostAsync("/api/v1/users/me/export", null);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/users/me/export/{id}", started.Headers.Location!.OriginalString);
        Assert.Equal("queued", body.GetProperty("status").GetString());
        Assert.Equal(id, Assert.Single(_queue.Ids));

        await _app.Services.GetRequiredService<DataExportService>().RunAsync(id);
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/users/me/export/{id}");
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Equal(100, status.GetProperty("progress").GetInt32());
        var link = status.GetProperty("downloadUrl").GetString()!;

        var download = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/zip", download.Content.Headers.ContentType!.MediaType);
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);
        Assert.NotNull(zip.GetEntry("README.md"));
        Assert.NotNull(zip.GetEntry("data/Users.json"));
    }

    [Fact]
    public async Task StartExport_WhileOneIsInProgress_409ExportInProgressWithItsId()
    {
        var client = await _app.CreateBearerClientAsync("export-twice@example.com");
        var first = await (await client.PostAsync("/api/v1/users/me/export", null)).Content.ReadFromJsonAsync<JsonElement>();

        var second = await client.PostAsync("/api/v1/users/me/export", null);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.ProblemAsync();
        Assert.Equal("export_in_progress", problem.Code());
        Assert.Equal(first.GetProperty("id").GetInt64(), problem.GetProperty("exportId").GetInt64());
    }

    [Fact]
    public async Task GetAndDownload_AnotherUsersExport_404NotFound()
    {
        var owner = await _app.CreateBearerClientAsync("export-owner@example.com");
        var other = await _app.CreateBearerClientAsync("export-other@example.com");
        var id = (await (await owner.PostAsync("/api/v1/users/me/export", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await _app.Services.GetRequiredService<DataExportService>().RunAsync(id);

        foreach (var path in new[] { $"/api/v1/users/me/export/{id}", $"/api/v1/users/me/export/{id}/download" })
        {
            var response = await other.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync($"/api/v1/users/me/export/{id}/download")).StatusCode);
    }

    [Fact]
    public async Task Download_24HoursAfterCompletion_410ExportExpired()
    {
        var client = await _app.CreateBearerClientAsync("export-late@example.com");
        var id = (await (await client.PostAsync("/api/v1/users/me/export", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await _app.Services.GetRequiredService<DataExportService>().RunAsync(id);

        _clock.Advance(DataExportService.LinkLifetime);
        client = await _app.CreateBearerClientAsync("export-late@example.com"); // a fresh sign-in on the advanced clock
        var response = await client.GetAsync($"/api/v1/users/me/export/{id}/download");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("export_expired", (await response.ProblemAsync()).Code());
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/v1/users/me/export/{id}");
        Assert.Equal("expired", status.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("downloadUrl").ValueKind);
    }

    [Fact]
    public void Host_SchedulesTheHourlyCleanupOfExpiredExports()
    {
        using var connection = _app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();

        Assert.Contains(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "exports:delete-expired");
    }

    private sealed class RecordingQueue : IDataExportQueue
    {
        public List<long> Ids { get; } = [];

        public void Enqueue(long exportId) => Ids.Add(exportId);
    }
}
