using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Hosting;

/// <summary>
/// DataAnnotations validation for options whose failures read as plain sentences ("X is empty; set it"), so a
/// misconfigured start ends with one line a person can act on.
/// </summary>
internal sealed class PlainOptionsValidation<T> : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var results = new List<ValidationResult>();
        return Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(results.Select(r => r.ErrorMessage ?? $"{typeof(T).Name} is invalid."));
    }
}

internal static class PlainOptionsValidationExtensions
{
    public static OptionsBuilder<T> ValidatePlainly<T>(this OptionsBuilder<T> builder)
        where T : class
    {
        builder.Services.AddSingleton<IValidateOptions<T>, PlainOptionsValidation<T>>();
        return builder;
    }
}
