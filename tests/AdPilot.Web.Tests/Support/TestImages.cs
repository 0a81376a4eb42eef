using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AdPilot.Web.Tests.Support;

public static class TestImages
{
    public static byte[] Png(int width, int height) => Noise(width, height, 0);

    /// <summary>A PNG of seeded noise: incompressible, so its size grows with its area (about 4 bytes a pixel).</summary>
    public static byte[] Noise(int width, int height, int seed = 7)
    {
        var random = new Random(seed);
        using var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = seed == 0 ? new Rgba32(30, 120, 200) : new Rgba32((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }
        }

        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }
}
