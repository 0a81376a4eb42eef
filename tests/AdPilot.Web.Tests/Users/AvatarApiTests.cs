using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AdPilot.Core.Storage;
using AdPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;

namespace AdPilot.Web.Tests.Users;

/// <summary>POST/DELETE /api/v1/users/me/avatar and the served files under /avatars/.</summary>
public sealed class AvatarApiTests(AdPilotFactory factory) : IClassFixture<AdPilotFactory>
{
    private async Task<(HttpClient Client, long UserId)> SignedInAsync(string name)
    {
        var client = factory.CreateClient();
        await client.SignInAsync($"{name}@example.com");
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/users/me");
        return (client, me.GetProperty("id").GetInt64());
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string contentType = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync("/api/v1/users/me/avatar", new MultipartFormDataContent { { file, "file", "me.png" } });
    }

    private async Task<List<string>> StoredKeysAsync(long userId)
    {
        var storage = factory.Services.GetRequiredService<IObjectStorage>();
        var keys = new List<string>();
        await foreach (var listed in storage.ListOlderThanAsync($"avatars/{userId}/", DateTimeOffset.MaxValue))
        {
            keys.Add(listed.Key);
        }

        return keys;
    }

    [Fact]
    public async Task Upload_Picture_IsStoredAsSquarePngsUnderTheUsersPrefix_AndServed()
    {
        var (client, userId) = await SignedInAsync("avatar-ok");

        var response = await UploadAsync(client, TestImages.Noise(600, 400));

        response.EnsureSuccessStatusCode();
        var url = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("avatarUrl").GetString()!;
        Assert.StartsWith($"/avatars/{userId}/", url, StringComparison.Ordinal);
        var served = await factory.CreateClient().GetAsync(url); // no sign-in needed: the link is the secret
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        using var image = Image.Load(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal((256, 256), (image.Width, image.Height));
        var small = Image.Identify(await factory.CreateClient().GetByteArrayAsync(url.Replace("-256.png", "-64.png", StringComparison.Ordinal)));
        Assert.Equal((64, 64), (small.Width, small.Height));
        Assert.Equal(2, (await StoredKeysAsync(userId)).Count);
    }

    [Fact]
    public async Task Upload_Again_ReplacesTheOldFiles_AndRemoveClearsEverything()
    {
        var (client, userId) = await SignedInAsync("avatar-replace");
        var first = (await (await UploadAsync(client, TestImages.Png(100, 100))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("avatarUrl").GetString()!;

        (await UploadAsync(client, TestImages.Noise(120, 90))).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(first)).StatusCode);
        Assert.Equal(2, (await StoredKeysAsync(userId)).Count);
        var removed = await client.DeleteAsync("/api/v1/users/me/avatar");
        removed.EnsureSuccessStatusCode();
        Assert.Equal(JsonValueKind.Null, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("avatarUrl").ValueKind);
        Assert.Empty(await StoredKeysAsync(userId));
    }

    [Fact]
    public async Task Upload_NotAPicture_IsRefusedAndNothingIsStored()
    {
        var (client, userId) = await SignedInAsync("avatar-text");

        var text = await UploadAsync(client, "<svg onload=alert(1)>"u8.ToArray(), "image/svg+xml");
        var video = await UploadAsync(client, [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .. "webm"u8, .. new byte[200]], "video/webm");

        Assert.Equal(HttpStatusCode.BadRequest, text.StatusCode);
        Assert.Equal("validation_failed", (await text.ProblemAsync()).Code());
        Assert.Equal(HttpStatusCode.BadRequest, video.StatusCode);
        Assert.Empty(await StoredKeysAsync(userId));
    }

    [Fact]
    public async Task Upload_TooBig_IsRefused()
    {
        var (client, userId) = await SignedInAsync("avatar-big");
        var big = new byte[6 * 1024 * 1024];
        TestImages.Png(10, 10).CopyTo(big, 0);

        var response = await UploadAsync(client, big);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, response.StatusCode.ToString());
        Assert.Contains((await response.ProblemAsync()).Code(), new[] { "validation_failed", "payload_too_large" });
        Assert.Empty(await StoredKeysAsync(userId));
    }

    [Fact]
    public async Task Upload_HostileImages_AreRefusedBeforeDecoding()
    {
        var (client, userId) = await SignedInAsync("avatar-bomb");

        var huge = await UploadAsync(client, HostileImages.BlankPng(20_000, 20_000));
        var frames = await UploadAsync(client, HostileImages.FrameBombGif(4_000, 4_000, 5_000), "image/gif");

        Assert.Equal("validation_failed", (await huge.ProblemAsync()).Code());
        Assert.Equal("validation_failed", (await frames.ProblemAsync()).Code());
        Assert.Empty(await StoredKeysAsync(userId));
    }

    [Fact]
    public async Task AvatarFile_UnknownOrMalformedName_Is404()
    {
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/avatars/1/{new string('a', 32)}-256.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/avatars/1/..%2F..%2Fsecret.png")).StatusCode);
    }
}
