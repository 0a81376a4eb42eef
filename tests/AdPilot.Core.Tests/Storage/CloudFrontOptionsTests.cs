using System.ComponentModel.DataAnnotations;
using AdPilot.Core.Storage;

namespace AdPilot.Core.Tests.Storage;

public sealed class CloudFrontOptionsTests
{
    [Theory]
    [InlineData("", 4, "https://cloudfront.amazonaws.com", null)]
    [InlineData("E2QWRUHEXAMPLE", 4, "https://cloudfront.amazonaws.com", null)]
    [InlineData("E2QW/../x", 4, "https://cloudfront.amazonaws.com", "Storage:S3:CloudFront:DistributionId must be a CloudFront distribution id")]
    [InlineData("E2QWRUHEXAMPLE", 0, "https://cloudfront.amazonaws.com", "Storage:S3:CloudFront:MaxAttempts must be between 1 and 10.")]
    [InlineData("E2QWRUHEXAMPLE", 4, "cloudfront.amazonaws.com", "Storage:S3:CloudFront:ServiceUrl must be an absolute http or https URL.")]
    public void Validate_CloudFrontSettings_ExplainsWhatIsWrong(string distributionId, int maxAttempts, string serviceUrl, string? error)
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.S3,
            S3 = new S3StorageOptions
            {
                Bucket = "b", CloudFront = new CloudFrontOptions { DistributionId = distributionId, MaxAttempts = maxAttempts, ServiceUrl = serviceUrl },
            },
        };

        var errors = options.Validate(new ValidationContext(options)).Select(r => r.ErrorMessage).ToList();

        if (error is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.StartsWith(error, Assert.Single(errors), StringComparison.Ordinal);
        }
    }
}
