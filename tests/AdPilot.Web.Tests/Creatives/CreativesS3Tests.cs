using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Creatives;

/// <summary>The same creative flows with <c>Storage:Provider=S3</c> against the test S3 server.</summary>
public sealed class CreativesS3Tests
{
    [S3Fact]
    public async Task DirectAndPresignedUploads_StoreInTheBucket_AndDeleteRemovesThem()
    {
        await using var factory = AdPilotFactory.With(settings: RealServers.S3Settings());
        var client = factory.CreateClient();
        await client.SignInAsync("creative-s3@example.com");
        using var plain = new HttpClient();
        var png = TestImages.Png(400, 400);

        var direct = await (await client.PostAsync("/api/v1/creatives", CreativesApiTests.Form(png, "s3.png"))).Content.ReadFromJsonAsync<JsonElement>();
        var ticket = await (await client.PostAsJsonAsync("/api/v1/creatives/upload-url", new { contentType = "image/png", size = png.Length })).Content.ReadFromJsonAsync<JsonElement>();
        var put = await plain.SendAsync(new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("uploadUrl").GetString())
        {
            Content = new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } },
        });
        var completed = await client.PostAsJsonAsync("/api/v1/creatives", new { uploadKey = ticket.GetProperty("uploadKey").GetString() });

        Assert.True(put.IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, completed.StatusCode);
        var url = direct.GetProperty("url").GetString()!;
        var thumbnailUrl = direct.GetProperty("thumbnailUrl").GetString()!;
        Assert.StartsWith(RealServers.S3!, url, StringComparison.Ordinal);
        Assert.Equal(png, await plain.GetByteArrayAsync(url));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/creatives/{direct.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await plain.GetAsync(thumbnailUrl)).StatusCode);
    }

    /// <summary>
    /// Issue #11 item 3 on S3: completion moves the checked bytes to the creative's own key and deletes the upload, so a
    /// PUT through the old URL (s3rver, like S3 before expiry, takes it) never reaches the creative and cannot complete again.
    /// </summary>
    [S3Fact]
    public async Task PresignedUpload_AfterCompletion_TheOldUrlCannotChangeTheCreative()
    {
        await using var factory = AdPilotFactory.With(settings: RealServers.S3Settings());
        var client = factory.CreateClient();
        await client.SignInAsync("creative-s3-single-use@example.com");
        using var plain = new HttpClient();
        var png = TestImages.Png(200, 200);
        var ticket = await (await client.PostAsJsonAsync("/api/v1/creatives/upload-url", new { contentType = "image/png", size = png.Length })).Content.ReadFromJsonAsync<JsonElement>();
        var url = ticket.GetProperty("uploadUrl").GetString()!;
        var key = ticket.GetProperty("uploadKey").GetString()!;
        Assert.True((await plain.SendAsync(CreativesApiTests.Put(url, png))).IsSuccessStatusCode);
        var creative = await (await client.PostAsJsonAsync("/api/v1/creatives", new { uploadKey = key })).Content.ReadFromJsonAsync<JsonElement>();
        var storage = factory.Services.GetRequiredService<AdPilot.Core.Storage.IObjectStorage>();

        var uploadGone = await storage.ExistsAsync(key);
        await plain.SendAsync(CreativesApiTests.Put(url, System.Text.Encoding.UTF8.GetBytes("<html></html>".PadRight(png.Length))));
        var again = await client.PostAsJsonAsync("/api/v1/creatives", new { uploadKey = key });

        Assert.False(uploadGone);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.False(await storage.ExistsAsync(key)); // what was PUT again is deleted by the refused completion
        Assert.Equal(png, await plain.GetByteArrayAsync(creative.GetProperty("url").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/creatives/{creative.GetProperty("id").GetInt64()}")).StatusCode);
    }
}
