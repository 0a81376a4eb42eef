namespace AdPilot.Core.Creatives;

/// <summary>
/// Counts a GIF's frames by walking its blocks without decoding them (ImageSharp 2.1's Identify does not report
/// frames). A truncated or damaged file counts the frames seen so far; the decoder judges the rest.
/// </summary>
internal static class GifFrames
{
    private const int ImageDescriptor = 0x2C;
    private const int Extension = 0x21;

    public static long Count(Stream gif)
    {
        gif.Position = 6 + 4; // signature and version, canvas width and height
        var flags = gif.ReadByte();
        gif.Seek(2, SeekOrigin.Current); // background colour, aspect ratio
        SkipColorTable(gif, flags);
        long frames = 0;
        while (true)
        {
            switch (gif.ReadByte())
            {
                case ImageDescriptor:
                    frames++;
                    gif.Seek(8, SeekOrigin.Current); // left, top, width, height
                    SkipColorTable(gif, gif.ReadByte());
                    gif.ReadByte(); // LZW minimum code size
                    SkipSubBlocks(gif);
                    break;
                case Extension:
                    gif.ReadByte(); // label
                    SkipSubBlocks(gif);
                    break;
                default: // trailer, end of file or garbage
                    return frames;
            }
        }
    }

    private static void SkipColorTable(Stream gif, int flags)
    {
        if (flags > 0 && (flags & 0x80) != 0)
        {
            gif.Seek(3L << ((flags & 0x07) + 1), SeekOrigin.Current);
        }
    }

    private static void SkipSubBlocks(Stream gif)
    {
        int length;
        while ((length = gif.ReadByte()) > 0)
        {
            gif.Seek(length, SeekOrigin.Current);
        }
    }
}
