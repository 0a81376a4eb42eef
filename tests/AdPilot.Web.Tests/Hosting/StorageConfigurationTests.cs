using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Hosting;

public sealed class StorageConfigurationTests
{
    [Fact]
    public async Task S3ProviderWithoutBucket_RefusesToStartWithAOneLineReason()
    {
        var result = await HostProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Storage__Provider"] = "S3" });

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("AdPilot cannot start: Storage:S3:Bucket is empty; set the bucket name or use Storage:Provider=Local.", line.Trim());
    }

    [Fact]
    public async Task LocalDefault_KeepsFilesAndItsSigningKeyUnderTheDataDirectory()
    {
        await using var factory = new AdPilotFactory();
        var client = factory.CreateClient();
        await client.SignInAsync("storage-files@example.com");

        var upload = await client.PostAsync("/api/v1/creatives", Creatives.CreativesApiTests.Form(TestImages.Png(32, 32), "a.png"));

        upload.EnsureSuccessStatusCode();
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "keys", "storage-signing.key")));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(factory.DataDirectory, "files", "u"), "*.png", SearchOption.AllDirectories));
    }
}
