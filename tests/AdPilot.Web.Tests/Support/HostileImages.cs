using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace AdPilot.Web.Tests.Support;

/// <summary>
/// Decompression bombs written byte by byte (no image library involved, so making them costs the test nothing): small
/// files whose decoded pictures are enormous.
/// </summary>
public static class HostileImages
{
    /// <summary>
    /// A GIF whose canvas is <paramref name="width"/>×<paramref name="height"/> with <paramref name="frames"/> frames of
    /// one pixel each: about 20 bytes a frame, but a decoder that composes every frame holds a full canvas per frame.
    /// </summary>
    public static byte[] FrameBombGif(int width, int height, int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        WriteUInt16(gif, width);
        WriteUInt16(gif, height);
        gif.Write([0x00, 0x00, 0x00]); // no global colour table, background, aspect
        for (var i = 0; i < frames; i++)
        {
            gif.WriteByte(0x2C); // image descriptor: at (0,0), 1×1, with a 2-colour local table
            gif.Write([0, 0, 0, 0, 1, 0, 1, 0, 0x80]);
            gif.Write([0, 0, 0, 255, 255, 255]);
            // LZW, minimum code size 2: clear (4), pixel 0, end (5) as 3-bit codes = 0x44 0x01; then the block terminator.
            gif.Write([0x02, 0x02, 0x44, 0x01, 0x00]);
        }

        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    /// <summary>An 8-bit greyscale PNG of zeros: a few hundred bytes per megapixel, decoded to 3–4 bytes a pixel.</summary>
    public static byte[] BlankPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter method, no interlace
        Chunk(png, "IHDR", header);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                var row = new byte[width + 1]; // filter byte "none", then the row
                for (var y = 0; y < height; y++)
                {
                    zlib.Write(row);
                }
            }

            Chunk(png, "IDAT", pixels.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = (byte[])[.. Encoding.ASCII.GetBytes(type), .. data];
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void WriteUInt16(Stream stream, int value)
    {
        stream.WriteByte((byte)value);
        stream.WriteByte((byte)(value >> 8));
    }
}
