using System.Net;
using System.Net.Http.Headers;
using AdPilot.Core.Storage;

namespace AdPilot.Web.Tests.Storage;

/// <summary>The behaviour every object store must have; each store's test class runs these against the real thing.</summary>
public static class StorageContract
{
    public static byte[] Bytes(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static string NewKey(string extension = ".bin") => $"contract/{Guid.NewGuid():N}{extension}";

    public static async Task RoundTripAsync(IObjectStorage store)
    {
        var key = NewKey();
        var bytes = Bytes(300_000);

        await store.PutAsync(key, new MemoryStream(bytes), "application/octet-stream");

        Assert.True(await store.ExistsAsync(key));
        var stat = await store.StatAsync(key);
        Assert.Equal((bytes.LongLength, "application/octet-stream"), (stat!.Size, stat.ContentType));
        Assert.Equal(bytes, await ReadAsync(store, key));
        Assert.Null(await store.StatAsync(NewKey()));
        Assert.Null(await store.GetAsync(NewKey()));
    }

    public static async Task DeleteAsync(IObjectStorage store)
    {
        var key = NewKey();
        await store.PutAsync(key, new MemoryStream(Bytes(10)), "application/octet-stream");

        await store.DeleteAsync(key);

        Assert.False(await store.ExistsAsync(key));
        Assert.Null(await store.GetAsync(key));
        await store.DeleteAsync(key); // deleting a missing object is not an error
    }

    /// <summary>P17: the bytes PUT through a presigned URL are the bytes a signed GET URL returns, over plain HTTP.</summary>
    public static async Task<bool> PresignedRoundTripAsync(IObjectStorage store, HttpClient http, byte[] bytes)
    {
        var key = NewKey(".png");
        var put = new HttpRequestMessage(HttpMethod.Put, store.PresignedPutUrl(key, "image/png", bytes.Length, TimeSpan.FromMinutes(5)))
        {
            Content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } },
        };
        var putResponse = await http.SendAsync(put);
        Assert.True(putResponse.IsSuccessStatusCode, $"PUT answered {putResponse.StatusCode}");

        var get = await http.GetAsync(store.SignedGetUrl(key, TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var downloaded = await get.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/png", get.Content.Headers.ContentType?.MediaType);
        return downloaded.AsSpan().SequenceEqual(bytes) && (await store.StatAsync(key))!.Size == bytes.Length;
    }

    /// <summary>Listing by prefix and age: only keys under the prefix, only those written before the cut-off.</summary>
    public static async Task ListOlderThanAsync(IObjectStorage store)
    {
        var prefix = $"contract/{Guid.NewGuid():N}/";
        string[] keys = [prefix + "a.bin", prefix + "deeper/b.bin"];
        foreach (var key in keys.Append(NewKey()))
        {
            await store.PutAsync(key, new MemoryStream(Bytes(10)), "application/octet-stream");
        }

        var future = await store.ListOlderThanAsync(prefix, DateTimeOffset.UtcNow.AddMinutes(1)).ToListAsync();
        var past = await store.ListOlderThanAsync(prefix, DateTimeOffset.UtcNow.AddMinutes(-5)).ToListAsync();

        Assert.Equal(keys, future.Select(o => o.Key).Order(StringComparer.Ordinal));
        Assert.All(future, o => Assert.Equal(10, o.Size));
        Assert.Empty(past);
    }

    public static async Task<byte[]> ReadAsync(IObjectStorage store, string key)
    {
        await using var stream = await store.GetAsync(key);
        using var copy = new MemoryStream();
        await stream!.CopyToAsync(copy);
        return copy.ToArray();
    }
}
