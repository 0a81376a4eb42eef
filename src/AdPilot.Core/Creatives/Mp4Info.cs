using System.Buffers.Binary;

namespace AdPilot.Core.Creatives;

/// <summary>Duration and picture size of an MP4/MOV, read from the <c>moov/mvhd</c> and <c>moov/trak/tkhd</c> boxes.</summary>
public sealed record Mp4Info(double DurationSeconds, int Width, int Height)
{
    private const int MaxBoxHeader = 16;

    /// <summary>Walks the box tree of a seekable stream without reading media data; null when the file is not a well-formed movie.</summary>
    public static Mp4Info? Read(Stream stream)
    {
        try
        {
            var moov = FindBox(stream, 0, stream.Length, "moov");
            if (moov is not { } m)
            {
                return null;
            }

            var mvhd = FindBox(stream, m.Start, m.End, "mvhd");
            if (mvhd is not { } mv || ReadDuration(ReadBody(stream, mv, 32)) is not { } duration)
            {
                return null;
            }

            var (width, height) = (0, 0);
            var position = m.Start;
            while (width == 0 && FindBox(stream, position, m.End, "trak") is { } trak)
            {
                if (FindBox(stream, trak.Start, trak.End, "tkhd") is { } tkhd)
                {
                    (width, height) = ReadSize(ReadBody(stream, tkhd, 100));
                }

                position = trak.End;
            }

            return width > 0 && height > 0 ? new Mp4Info(duration, width, height) : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or ArgumentOutOfRangeException or IOException)
        {
            return null;
        }
    }

    private readonly record struct Box(long Start, long End, long BodyLength);

    /// <summary>The first box of <paramref name="type"/> among the siblings between start and end; its Start is its body.</summary>
    private static Box? FindBox(Stream stream, long start, long end, string type)
    {
        Span<byte> header = stackalloc byte[MaxBoxHeader];
        var position = start;
        while (position + 8 <= end)
        {
            stream.Position = position;
            stream.ReadExactly(header[..8]);
            long size = BinaryPrimitives.ReadUInt32BigEndian(header);
            var headerLength = 8;
            if (size == 1)
            {
                stream.ReadExactly(header[8..16]);
                size = (long)BinaryPrimitives.ReadUInt64BigEndian(header[8..]);
                headerLength = 16;
            }
            else if (size == 0)
            {
                size = end - position;
            }

            if (size < headerLength || position + size > end)
            {
                return null;
            }

            if (System.Text.Encoding.ASCII.GetString(header[4..8]) == type)
            {
                return new Box(position + headerLength, position + size, size - headerLength);
            }

            position += size;
        }

        return null;
    }

    private static byte[] ReadBody(Stream stream, Box box, int max)
    {
        var buffer = new byte[(int)Math.Min(box.BodyLength, max)];
        stream.Position = box.Start;
        stream.ReadExactly(buffer);
        return buffer;
    }

    private static double? ReadDuration(ReadOnlySpan<byte> mvhd)
    {
        // version(1) flags(3), then v0: creation(4) modification(4) timescale(4) duration(4); v1: 8, 8, 4, 8.
        var (timescale, duration) = mvhd.Length < 4 ? (0u, 0ul) : mvhd[0] switch
        {
            0 when mvhd.Length >= 20 => (BinaryPrimitives.ReadUInt32BigEndian(mvhd[12..]), BinaryPrimitives.ReadUInt32BigEndian(mvhd[16..])),
            1 when mvhd.Length >= 32 => (BinaryPrimitives.ReadUInt32BigEndian(mvhd[20..]), BinaryPrimitives.ReadUInt64BigEndian(mvhd[24..])),
            _ => (0u, 0ul),
        };
        return timescale == 0 ? null : (double)duration / timescale;
    }

    private static (int Width, int Height) ReadSize(ReadOnlySpan<byte> tkhd)
    {
        // After version/flags and the version-sized times: 52 bytes (reserved, layer, group, volume, matrix), then 16.16 width and height.
        var offset = tkhd.Length < 1 ? int.MaxValue : tkhd[0] == 1 ? 4 + 32 + 52 : 4 + 20 + 52;
        return tkhd.Length < offset + 8
            ? (0, 0)
            : ((int)(BinaryPrimitives.ReadUInt32BigEndian(tkhd[offset..]) >> 16), (int)(BinaryPrimitives.ReadUInt32BigEndian(tkhd[(offset + 4)..]) >> 16));
    }
}
