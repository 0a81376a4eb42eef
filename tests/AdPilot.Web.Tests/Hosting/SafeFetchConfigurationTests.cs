using AdPilot.Web.Tests.Support;

namespace AdPilot.Web.Tests.Hosting;

public sealed class SafeFetchConfigurationTests
{
    [Fact]
    public async Task TestOnlyAllowList_OutsideDevelopment_RefusesToStart()
    {
        // The loopback allow-list exists for tests; a production host with it set would let user URLs reach private networks.
        var result = await HostProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["SafeFetch__TestOnlyAllowedNetworks__0"] = "127.0.0.1/32",
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("SafeFetch:TestOnlyAllowedNetworks lets user-given URLs reach private networks", result.StdErr, StringComparison.Ordinal);
    }
}
