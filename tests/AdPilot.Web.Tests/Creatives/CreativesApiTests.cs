using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Creatives;

public sealed class CreativesApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    internal static MultipartFormDataContent Form(byte[] file, string fileName, string? name = null, string? tags = null)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        if (tags is not null)
        {
            form.Add(new StringContent(tags), "tags");
        }

        return form;
    }

    private async Task<HttpClient> SignedIn(string email)
    {
        var client = factory.CreateClient();
        await client.SignInAsync(email);
        return client;
    }

    private string[] StoredFiles(long userId)
    {
        var folder = Path.Combine(factory.DataDirectory, "files", "u", userId.ToString());
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
    }

    private static async Task<long> UserIdAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me")).GetProperty("id").GetInt64();

    [Fact]
    public async Task MultipartUpload_Is201WithScore_AndItsUrlsServeTheBytes()
    {
        var client = await SignedIn("creative-upload@example.com");
        var png = TestImages.Png(1080, 1350);

        var response = await client.PostAsync("/api/v1/creatives", Form(png, "poster.jpg", "Poster", "Summer, sale"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var creative = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = creative.GetProperty("id").GetInt64();
        Assert.Equal($"/api/v1/creatives/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Poster", "image", "image/png", "active"), (creative.GetProperty("name").GetString(), creative.GetProperty("type").GetString(),
            creative.GetProperty("contentType").GetString(), creative.GetProperty("status").GetString()));
        Assert.Equal(100, creative.GetProperty("qualityScore").GetInt32());
        Assert.Equal(["sale", "summer"], creative.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("portrait", creative.GetProperty("suggestedTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("aspect_fit", creative.GetProperty("scoreReasons")[1].GetProperty("code").GetString());
        var anonymous = factory.CreateClient();
        Assert.Equal(png, await anonymous.GetByteArrayAsync(creative.GetProperty("url").GetString()));
        var thumbnail = await anonymous.GetAsync(creative.GetProperty("thumbnailUrl").GetString());
        Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType?.MediaType);
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/v1/creatives/{id}");
        Assert.Equal(1350, details.GetProperty("height").GetInt32());
    }

    [Fact]
    public async Task LargerThanTheGeneralApiLimit_IsAcceptedOnTheUploadRoute_Only()
    {
        var client = await SignedIn("creative-large@example.com");
        var large = TestImages.Noise(700, 700); // about 1.9 MB, over the 1 MB API default

        var upload = await client.PostAsync("/api/v1/creatives", Form(large, "noise.png"));
        var elsewhere = await client.PostAsync("/api/v1/creatives/upload-url", new ByteArrayContent(large) { Headers = { ContentType = new MediaTypeHeaderValue("application/json"), ContentLength = large.Length } });

        Assert.True(large.Length > 1024 * 1024);
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, elsewhere.StatusCode);
        Assert.Equal("payload_too_large", (await elsewhere.ProblemAsync()).Code());
    }

    [Fact]
    public async Task BadFile_Is400ValidationProblem_AndNothingIsStored()
    {
        var client = await SignedIn("creative-bad@example.com");
        var userId = await UserIdAsync(client);

        var text = await client.PostAsync("/api/v1/creatives", Form("not an image at all"u8.ToArray(), "fake.png"));
        var empty = await client.PostAsync("/api/v1/creatives", Form([], "empty.png"));
        var noFile = await client.PostAsync("/api/v1/creatives", new MultipartFormDataContent { { new StringContent("x"), "name" } });

        foreach (var response in new[] { text, empty, noFile })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal("validation_failed", problem.Code());
            Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        }

        var malformed = await client.PostAsync("/api/v1/creatives", new StringContent("{\"uploadKey\": ", System.Text.Encoding.UTF8, "application/json"));
        var wrongType = await client.PostAsync("/api/v1/creatives", new StringContent("hello", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal("invalid_request", (await malformed.ProblemAsync()).Code());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Empty(StoredFiles(userId));
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/creatives")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnotherUsersCreative_Is404OnEveryRoute_AndUntouched()
    {
        var owner = await SignedIn("creative-owner@example.com");
        var created = await (await owner.PostAsync("/api/v1/creatives", Form(TestImages.Png(64, 64), "mine.png"))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        var intruder = await SignedIn("creative-intruder@example.com");

        var responses = new[]
        {
            await intruder.GetAsync($"/api/v1/creatives/{id}"),
            await intruder.PatchAsJsonAsync($"/api/v1/creatives/{id}", new { name = "stolen" }),
            await intruder.DeleteAsync($"/api/v1/creatives/{id}"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("not_found", (await response.ProblemAsync()).Code());
        }

        Assert.Equal(0, (await intruder.GetFromJsonAsync<JsonElement>("/api/v1/creatives")).GetProperty("total").GetInt32());
        Assert.Equal("mine", (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/creatives/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task List_Patch_Delete_ThroughTheApi()
    {
        var client = await SignedIn("creative-crud@example.com");
        var userId = await UserIdAsync(client);
        var a = (await (await client.PostAsync("/api/v1/creatives", Form(TestImages.Png(100, 100), "b-second.png", tags: "red"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var b = (await (await client.PostAsync("/api/v1/creatives", Form(TestImages.Png(120, 100), "a-first.png", tags: "red,blue"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var byName = await client.GetFromJsonAsync<JsonElement>("/api/v1/creatives?type=image&sort=name&tags=red");
        var blue = await client.GetFromJsonAsync<JsonElement>("/api/v1/creatives?tags=blue&search=first");
        var badSort = await client.GetAsync("/api/v1/creatives?sort=sideways");
        var patched = await client.PatchAsJsonAsync($"/api/v1/creatives/{a}", new { status = "archived", tags = new[] { "green" } });
        var deleted = await client.DeleteAsync($"/api/v1/creatives/{b}");

        Assert.Equal([b, a], byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
        Assert.Equal(b, Assert.Single(blue.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal("validation_failed", (await badSort.ProblemAsync()).Code());
        Assert.Equal("archived", (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/creatives/{b}")).StatusCode);
        Assert.Equal(2, StoredFiles(userId).Length); // a's original and thumbnail; b's are gone
    }

    [Fact]
    public async Task PresignedUpload_PutThenComplete_CreatesTheCreative_ForItsOwnerOnly()
    {
        var client = await SignedIn("creative-presigned@example.com");
        var png = TestImages.Png(1080, 1920);

        var ticket = await (await client.PostAsJsonAsync("/api/v1/creatives/upload-url", new { contentType = "image/png", size = png.Length })).Content.ReadFromJsonAsync<JsonElement>();
        var put = new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("uploadUrl").GetString())
        {
            Content = new ByteArrayContent(png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } },
        };
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().SendAsync(put)).StatusCode);
        var key = ticket.GetProperty("uploadKey").GetString();
        var intruder = await SignedIn("creative-presigned-intruder@example.com");
        var stolen = await intruder.PostAsJsonAsync("/api/v1/creatives", new { uploadKey = key });
        var completed = await client.PostAsJsonAsync("/api/v1/creatives", new { uploadKey = key, name = "Story", tags = new[] { "story" } });
        var again = await client.PostAsJsonAsync("/api/v1/creatives", new { uploadKey = key });
        var badType = await client.PostAsJsonAsync("/api/v1/creatives/upload-url", new { contentType = "application/pdf" });

        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.Created, completed.StatusCode);
        var creative = await completed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Story", 1920), (creative.GetProperty("name").GetString(), creative.GetProperty("height").GetInt32()));
        Assert.Contains("vertical", creative.GetProperty("suggestedTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("upload_already_completed", (await again.ProblemAsync()).Code());
        Assert.Equal("validation_failed", (await badType.ProblemAsync()).Code());
    }

    /// <summary>
    /// Issue #11 item 3: after completion the same upload URL accepted HTML, and 40 MB over a 30 MB limit, which then
    /// replaced the creative's file. Now the URL takes only the signed length, and completion moved the checked bytes.
    /// </summary>
    [Fact]
    public async Task PresignedUpload_AfterCompletion_TheUrlCannotChangeTheCreative_NorTakeMoreThanItsLength()
    {
        var client = await SignedIn("creative-single-use@example.com");
        var userId = await UserIdAsync(client);
        var anonymous = factory.CreateClient();
        var png = TestImages.Png(300, 300);
        var ticket = await (await client.PostAsJsonAsync("/api/v1/creatives/upload-url", new { contentType = "image/png", size = png.Length })).Content.ReadFromJsonAsync<JsonElement>();
        var url = ticket.GetProperty("uploadUrl").GetString()!;
        var key = ticket.GetProperty("uploadKey").GetString();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(Put(url, png))).StatusCode);
        var creative = await (await client.PostAsJsonAsync("/api/v1/creatives", new { uploadKey = key })).Content.ReadFromJsonAsync<JsonElement>();

        var html = System.Text.Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>".PadRight(png.Length));
        var htmlPut = await anonymous.SendAsync(Put(url, html)); // the right length: stored under the upload key, never the creative's
        var oversized = await anonymous.SendAsync(Put(url, new byte[40 * 1024 * 1024]));
        var again = await client.PostAsJsonAsync("/api/v1/creatives", new { uploadKey = key });
        var noSize = await client.PostAsJsonAsync("/api/v1/creatives/upload-url", new { contentType = "image/png" });

        Assert.Equal(HttpStatusCode.OK, htmlPut.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, oversized.StatusCode);
        Assert.Equal("upload_already_completed", (await again.ProblemAsync()).Code());
        Assert.Equal("validation_failed", (await noSize.ProblemAsync()).Code());
        Assert.Equal(png, await anonymous.GetByteArrayAsync(creative.GetProperty("url").GetString()));
        Assert.Equal(2, StoredFiles(userId).Length); // the creative and its thumbnail
        var uploads = Path.Combine(factory.DataDirectory, "files", "uploads", userId.ToString());
        Assert.Empty(Directory.Exists(uploads) ? Directory.GetFiles(uploads) : []); // the upload, and what was PUT again, are deleted
        using var connection = factory.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        Assert.Contains(Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection), j => j.Id == "creatives:delete-abandoned-uploads");
    }

    internal static HttpRequestMessage Put(string url, byte[] bytes, string contentType = "image/png") => new(HttpMethod.Put, url)
    {
        Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue(contentType) } },
    };
}
