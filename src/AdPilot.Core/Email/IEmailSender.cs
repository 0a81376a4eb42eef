namespace AdPilot.Core.Email;

/// <summary>Sends one message or throws; the caller decides about retries.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <param name="To">One address.</param>
/// <param name="Html">The HTML part.</param>
/// <param name="Text">The plain-text part, for clients that do not show HTML.</param>
/// <param name="Inline">Images the HTML shows with <c>cid:</c> links (sent as related parts of the HTML).</param>
public sealed record EmailMessage(string To, string Subject, string Html, string Text, string? Language = null, IReadOnlyList<InlineImage>? Inline = null);

/// <param name="ContentId">What the HTML refers to as <c>cid:ContentId</c>.</param>
/// <param name="MediaType">Such as <c>image/png</c>.</param>
public sealed record InlineImage(string ContentId, string MediaType, byte[] Content);
