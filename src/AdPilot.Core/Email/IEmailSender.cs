namespace AdPilot.Core.Email;

/// <summary>Sends one message or throws; the caller decides about retries.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct);
}

/// <param name="To">One address.</param>
/// <param name="Html">The HTML part.</param>
/// <param name="Text">The plain-text part, for clients that do not show HTML.</param>
public sealed record EmailMessage(string To, string Subject, string Html, string Text, string? Language = null);
