namespace AdPilot.Core.Common;

/// <summary>Base of the few exceptions services throw; the web host maps each to ProblemDetails with <see cref="Code"/>.</summary>
public abstract class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>The resource does not exist or belongs to someone else (both are 404 by design).</summary>
public sealed class NotFoundException(string resource, object id)
    : DomainException("not_found", $"{resource} {id} was not found.");

/// <summary>Invalid input (HTTP 400) with the fields at fault; <c>validation_failed</c> unless a more precise code says why (e.g. <c>url_not_allowed</c>).</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors, string message = "One or more fields are invalid.", string code = "validation_failed")
    : DomainException(code, message)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string error) =>
        new(new Dictionary<string, string[]> { [field] = [error] });
}

public sealed class ConflictException(string code, string message) : DomainException(code, message);

public sealed class ForbiddenException(string code, string message) : DomainException(code, message);

public sealed class UnauthorizedException(string code, string message) : DomainException(code, message);

/// <summary>The operation costs more credits than the user has; nothing was changed (HTTP 402).</summary>
public sealed class InsufficientCreditsException(decimal required, decimal available)
    : DomainException("insufficient_credits", $"This needs {required:0.####} credits but the balance is {available:0.####}. Top up to continue.")
{
    public decimal Required { get; } = required;
    public decimal Available { get; } = available;
}

/// <summary>
/// A big or destructive change (a deletion, a budget raise over 50 %) was asked for without <c>confirm</c>; nothing was
/// changed. The message says what would happen and how to confirm.
/// </summary>
public sealed class ConfirmationRequiredException(string message) : DomainException("confirmation_required", message);
