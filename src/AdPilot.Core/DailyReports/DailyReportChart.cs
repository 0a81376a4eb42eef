using AdPilot.Core.Reports;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AdPilot.Core.DailyReports;

/// <summary>
/// The e-mail's small chart: spend as bars and ROAS as a line over the last 14 days, drawn pixel by pixel into a PNG with
/// ImageSharp (no chart service, no fonts: the labels are in the HTML around it). A white card with its own margin, so it
/// reads the same when a mail client darkens the message around it.
/// </summary>
public static class DailyReportChart
{
    public const int Width = 560;
    public const int Height = 140;
    private const int Pad = 10;

    private static readonly Rgba32 Background = new(255, 255, 255);
    private static readonly Rgba32 Axis = new(207, 212, 220);
    private static readonly Rgba32 Bar = new(121, 134, 203);
    private static readonly Rgba32 Line = new(230, 81, 0);

    public static byte[] Png(IReadOnlyList<SeriesPoint> points)
    {
        using var image = new Image<Rgba32>(Width, Height, Background);
        var (left, right, top, bottom) = (Pad, Width - Pad, Pad, Height - Pad);
        Fill(image, left, bottom, right, bottom + 1, Axis);
        if (points.Count > 0)
        {
            var slot = (right - left) / (double)points.Count;
            var maxSpend = Math.Max(points.Max(p => p.Spend), 0.0001m);
            var maxRoas = Math.Max(points.Max(p => p.Roas ?? 0), 0.0001m);
            (int X, int Y)? previous = null;
            for (var i = 0; i < points.Count; i++)
            {
                var x0 = left + (int)(i * slot) + 3;
                var x1 = left + (int)((i + 1) * slot) - 3;
                var barTop = bottom - (int)((bottom - top) * (double)(points[i].Spend / maxSpend));
                Fill(image, x0, barTop, x1, bottom, Bar);
                if (points[i].Roas is { } roas)
                {
                    var point = ((x0 + x1) / 2, bottom - (int)((bottom - top) * (double)(roas / maxRoas)));
                    if (previous is { } p)
                    {
                        Segment(image, p, point);
                    }

                    Fill(image, point.Item1 - 2, point.Item2 - 2, point.Item1 + 3, point.Item2 + 3, Line);
                    previous = point;
                }
            }
        }

        using var png = new MemoryStream();
        image.SaveAsPng(png);
        return png.ToArray();
    }

    private static void Fill(Image<Rgba32> image, int x0, int y0, int x1, int y1, Rgba32 color)
    {
        for (var y = Math.Max(0, y0); y < Math.Min(image.Height, y1); y++)
        {
            for (var x = Math.Max(0, x0); x < Math.Min(image.Width, x1); x++)
            {
                image[x, y] = color;
            }
        }
    }

    /// <summary>A two-pixel line between two points (enough steps that it never leaves a gap).</summary>
    private static void Segment(Image<Rgba32> image, (int X, int Y) a, (int X, int Y) b)
    {
        var steps = Math.Max(Math.Abs(b.X - a.X), Math.Abs(b.Y - a.Y));
        for (var s = 0; s <= steps; s++)
        {
            var x = a.X + (b.X - a.X) * s / Math.Max(steps, 1);
            var y = a.Y + (b.Y - a.Y) * s / Math.Max(steps, 1);
            Fill(image, x - 1, y - 1, x + 1, y + 1, Line);
        }
    }
}
