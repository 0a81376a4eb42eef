using System.Net;
using AdPilot.Web.Tests.Support;
using Xunit.Abstractions;

namespace AdPilot.Web.Tests.Creatives;

/// <summary>Tests that measure the process's memory run alone, after the parallel ones, so nothing else moves the figures.</summary>
[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;

/// <summary>
/// Issue #11 item 1: a 3 KB GIF of 150 one-pixel frames on a 2000×2000 canvas grew the process by 1.5 GB, and a
/// 10000×10000 PNG by 0.4 GB per upload. Bound stated here (ADR 012): two decodes at a time of at most 25 MP at 3 bytes
/// a pixel is 150 MB, so the resident peak grows by less than 250 MB, and once settled less than 50 MB stays (the pool).
/// </summary>
[Collection(nameof(MemoryMeasured))]
public sealed class CreativeDecodingMemoryTests(AdPilotFactory factory, ITestOutputHelper output) : IClassFixture<AdPilotFactory>
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task DecompressionBombs_Are400_AndTheLargestAcceptedImages_StayWithinTheMemoryBound()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // the resident set figures come from /proc
        }

        var client = factory.CreateClient();
        await client.SignInAsync("decode-memory@example.com");
        var frameBomb = HostileImages.FrameBombGif(2000, 2000, 150);
        var tooLarge = HostileImages.BlankPng(10_000, 10_000);
        var largest = HostileImages.BlankPng(5_000, 5_000); // exactly the 25 MP limit
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/creatives", CreativesApiTests.Form(largest, "warm-up.png"))).StatusCode);
        var settled = SettledResidentBytes();
        ResetPeak();

        var bomb = await client.PostAsync("/api/v1/creatives", CreativesApiTests.Form(frameBomb, "bomb.gif"));
        var huge = await client.PostAsync("/api/v1/creatives", CreativesApiTests.Form(tooLarge, "huge.png"));
        var accepted = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.PostAsync("/api/v1/creatives", CreativesApiTests.Form(largest, $"largest-{i}.png"))));
        var peakGrowth = PeakResidentBytes() - settled;
        var retained = SettledResidentBytes() - settled;
        output.WriteLine($"resident set: peak +{peakGrowth / MiB} MB, settled +{retained / MiB} MB");

        Assert.True(frameBomb.Length < 4096 && tooLarge.Length < 200 * 1024, "the bombs are small files");
        foreach (var (response, message) in new[] { (bomb, "150 frames of 2000×2000"), (huge, "10000×10000") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal("validation_failed", problem.Code());
            Assert.Contains(message, problem.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.All(accepted, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.True(peakGrowth < 250 * MiB, $"peak resident set grew by {peakGrowth / MiB} MB");
        Assert.True(retained < 50 * MiB, $"{retained / MiB} MB stayed after the uploads");
    }

    private static long SettledResidentBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Status("VmRSS");
    }

    private static long PeakResidentBytes() => Status("VmHWM");

    /// <summary>Linux resets the high-water mark of the resident set when "5" is written to clear_refs.</summary>
    private static void ResetPeak() => File.WriteAllText("/proc/self/clear_refs", "5");

    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").Single(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]) * 1024;
    }
}
