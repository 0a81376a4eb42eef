using System.Buffers.Binary;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AdPilot.Core.Tests.Support;

/// <summary>Small real media files made in memory: images through ImageSharp, movies box by box.</summary>
public static class TestMedia
{
    public static byte[] Png(int width, int height) => Encode(width, height, (image, s) => image.SaveAsPng(s));

    public static byte[] Jpeg(int width, int height) => Encode(width, height, (image, s) => image.SaveAsJpeg(s));

    public static byte[] Gif(int width, int height) => Encode(width, height, (image, s) => image.SaveAsGif(s));

    public static byte[] WebP(int width, int height) => Encode(width, height, (image, s) => image.SaveAsWebp(s));

    /// <summary>An animated GIF of <paramref name="frames"/> frames, each a different colour.</summary>
    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(0, 0, 0));
        for (var i = 1; i < frames; i++)
        {
            using var frame = new Image<Rgba32>(width, height, new Rgba32((byte)(i * 40), 90, 30));
            image.Frames.AddFrame(frame.Frames.RootFrame);
        }

        using var stream = new MemoryStream();
        image.SaveAsGif(stream);
        return stream.ToArray();
    }

    private static byte[] Encode(int width, int height, Action<Image<Rgba32>, Stream> save)
    {
        using var image = new Image<Rgba32>(width, height, new Rgba32(200, 40, 90));
        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }

    /// <summary>ftyp + (optionally) mdat + moov{mvhd, trak{tkhd} for audio (0×0), trak{tkhd} for video}.</summary>
    public static byte[] Mp4(uint timescale, ulong duration, int width, int height, byte version = 0, string brand = "isom", bool mdatFirst = true)
    {
        var ftyp = Box("ftyp", [.. Encoding.ASCII.GetBytes(brand), 0, 0, 2, 0, .. Encoding.ASCII.GetBytes("isommp41")]);
        var mdat = Box("mdat", new byte[1000]);
        var moov = Box("moov", [.. Mvhd(version, timescale, duration), .. Box("trak", Tkhd(version, 0, 0)), .. Box("trak", Tkhd(version, width, height))]);
        return mdatFirst ? [.. ftyp, .. mdat, .. moov] : [.. ftyp, .. moov, .. mdat];
    }

    private static byte[] Mvhd(byte version, uint timescale, ulong duration)
    {
        var body = new byte[version == 1 ? 112 : 100];
        body[0] = version;
        if (version == 1)
        {
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(20), timescale);
            BinaryPrimitives.WriteUInt64BigEndian(body.AsSpan(24), duration);
        }
        else
        {
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(12), timescale);
            BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(16), (uint)duration);
        }

        return Box("mvhd", body);
    }

    private static byte[] Tkhd(byte version, int width, int height)
    {
        var offset = version == 1 ? 88 : 76;
        var body = new byte[offset + 8];
        body[0] = version;
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(offset), (uint)width << 16);
        BinaryPrimitives.WriteUInt32BigEndian(body.AsSpan(offset + 4), (uint)height << 16);
        return Box("tkhd", body);
    }

    public static byte[] Box(string type, byte[] body)
    {
        var box = new byte[8 + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(box, (uint)box.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(box, 4);
        body.CopyTo(box, 8);
        return box;
    }

    public static byte[] WebM() => [0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, .. "webm"u8, .. new byte[200]];
}
