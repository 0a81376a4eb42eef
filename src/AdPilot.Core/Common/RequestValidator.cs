using System.ComponentModel.DataAnnotations;

namespace AdPilot.Core.Common;

/// <summary>Runs the DataAnnotations on a request record, so the API, the forms and the service share one set of rules.</summary>
public static class RequestValidator
{
    public static void Validate(object request)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return;
        }

        var errors = results
            .SelectMany(r => (r.MemberNames.Any() ? r.MemberNames : [""]).Select(m => (Member: ToCamelCase(m), r.ErrorMessage ?? "Invalid value.")))
            .GroupBy(e => e.Member)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Item2).ToArray());
        throw new ValidationFailedException(errors);
    }

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
