using AdPilot.Web.Features.Agent;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Tests.Agent;

/// <summary>The openai provider's settings are checked when the app starts (Program prints the reason as its one line), and the reason never repeats the key.</summary>
public sealed class OpenAiSettingsTests
{
    [Theory]
    [InlineData("ftp://models.example.com/v1", "sk-test-settings-key")]
    [InlineData("models.example.com/v1", "sk-test-settings-key")]
    [InlineData("https://api.openai.com/v1", "")]
    public void AddAgent_OpenAiWithoutAnHttpUrlOrAKey_IsRefusedSayingWhatIsMissing(string baseUrl, string apiKey)
    {
        var refused = Assert.Throws<OptionsValidationException>(() => OptionsFor(baseUrl, apiKey));

        var reason = string.Join(" ", refused.Failures);
        Assert.Contains("Agent:BaseUrl (an absolute URL such as https://api.openai.com/v1), Agent:ApiKey", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-test", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAgent_OpenAiWithAnHttpsUrlAKeyAndAModel_IsAcceptedWithTheDefaultRetriesAndTimeout()
    {
        var options = OptionsFor("https://example-resource.openai.azure.com/openai/v1", "azure-key");

        Assert.Equal((2, 30), (options.MaxRetries, options.NetworkTimeoutSeconds));
    }

    private static AgentOptions OptionsFor(string baseUrl, string apiKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Agent:Provider"] = "openai", ["Agent:BaseUrl"] = baseUrl, ["Agent:ApiKey"] = apiKey, ["Agent:Model"] = "gpt-4o-mini",
        });
        builder.AddAgent();
        using var services = builder.Services.BuildServiceProvider();
        return services.GetRequiredService<IOptions<AgentOptions>>().Value;
    }
}
