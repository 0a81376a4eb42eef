using System.Text;
using System.Text.RegularExpressions;
using AdPilot.Core.Common;

namespace AdPilot.Core.LandingPages;

/// <summary>A lead form's submission, checked: the values of the declared fields (trimmed, capped) and the e-mail, if any.</summary>
internal sealed record LeadSubmission(IReadOnlyDictionary<string, string> Fields, string? Email);

/// <summary>
/// Checks what a visitor posted against the lead forms of the live document: only their fields are kept (anything else
/// is ignored), values are trimmed and capped, required fields must be filled, e-mail and phone fields must look like one.
/// </summary>
internal static partial class LeadForms
{
    public const int MaxValueLength = 2_000;
    private const int MaxEmailLength = 254;

    /// <summary>The fields of every lead form on the page, once each in page order; required when every form that has it requires it.</summary>
    public static IReadOnlyList<FormField> FieldsOf(LandingPageDocument document)
    {
        var forms = document.Blocks.Where(b => b.Type == BlockType.LeadForm).Select(b => b.Fields ?? []).ToList();
        return forms.SelectMany(f => f).GroupBy(f => f.Name, StringComparer.Ordinal)
            .Select(g => g.First() with { Required = forms.All(form => form.Any(f => f.Name == g.Key && f.Required)) })
            .ToList();
    }

    public static LeadSubmission Check(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string> form)
    {
        if (fields.Count == 0)
        {
            throw ValidationFailedException.For("form", "This page has no lead form.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? email = null;
        foreach (var field in fields)
        {
            var value = Clean(form.GetValueOrDefault(field.Name), field.Type == FormFieldType.TextArea);
            if (value.Length == 0)
            {
                if (field.Required)
                {
                    errors[field.Name] = [$"{field.Label} is required."];
                }

                continue;
            }

            if (field.Type == FormFieldType.Email && !IsEmail(value))
            {
                errors[field.Name] = [$"{field.Label} must be an e-mail address, like name@example.com."];
            }
            else if (field.Type == FormFieldType.Phone && !IsPhone(value))
            {
                errors[field.Name] = [$"{field.Label} must be a phone number: digits, optionally with +, spaces, dashes or brackets."];
            }

            values[field.Name] = value;
            email ??= field.Type == FormFieldType.Email ? value : null;
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors, "Some fields of the form need attention.");
        }

        return new LeadSubmission(values, email);
    }

    /// <summary>Trimmed, control characters removed (line breaks kept in a text area), at most <see cref="MaxValueLength"/> characters.</summary>
    private static string Clean(string? raw, bool multiLine)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var text = new StringBuilder(Math.Min(raw.Length, MaxValueLength));
        foreach (var c in raw.AsSpan(0, Math.Min(raw.Length, MaxValueLength * 2)))
        {
            if (c == '\n' && multiLine)
            {
                text.Append('\n');
            }
            else if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                text.Append(c is '\n' or '\t' ? ' ' : "");
            }
            else
            {
                text.Append(c);
            }
        }

        var value = text.ToString().Trim();
        if (value.Length > MaxValueLength)
        {
            // Never cut a surrogate pair in half.
            var cut = char.IsHighSurrogate(value[MaxValueLength - 1]) ? MaxValueLength - 1 : MaxValueLength;
            value = value[..cut].TrimEnd();
        }

        return value;
    }

    public static bool IsEmail(string value) => value.Length <= MaxEmailLength && Email().IsMatch(value);

    public static bool IsPhone(string value)
    {
        var digits = value.Count(char.IsAsciiDigit);
        return digits is >= 6 and <= 15 && value.Length <= 30 && Phone().IsMatch(value);
    }

    [GeneratedRegex(@"^[^@\s""<>()\[\]\\,;:]{1,64}@[^@\s""<>()\[\]\\,;:.]+(?:\.[^@\s""<>()\[\]\\,;:.]+)+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Email();

    [GeneratedRegex(@"^\+?\(?[0-9][0-9 ().\-]*[0-9](?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 100)]
    private static partial Regex Phone();
}
