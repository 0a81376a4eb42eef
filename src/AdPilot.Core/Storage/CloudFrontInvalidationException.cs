using System.Net;

namespace AdPilot.Core.Storage;

/// <summary>CloudFront did not accept an invalidation (refused, or still failing after the retries). Carries no credential.</summary>
public sealed class CloudFrontInvalidationException(string message, HttpStatusCode? status, string errorCode, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The last HTTP status, or null when CloudFront could not be reached.</summary>
    public HttpStatusCode? Status { get; } = status;

    /// <summary>CloudFront's error code (e.g. <c>AccessDenied</c>, <c>Throttling</c>), empty when there was none.</summary>
    public string ErrorCode { get; } = errorCode;
}
