using System.Globalization;
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

    private static readonly Messages En = new(
        "This page has no form.", "Some fields of the form need attention.", "{0} is required.",
        "{0} must be an e-mail address, like name@example.com.", "{0} must be a phone number: digits, optionally with +, spaces, dashes or brackets.");

    private static readonly Messages ZhCn = new(
        "此页面没有表单。", "表单中有些字段需要修改。", "请填写{0}。", "{0}必须是电子邮件地址，例如 name@example.com。", "{0}必须是电话号码：数字，可带 +、空格、短横线或括号。");

    /// <summary>The fields of every lead form on the page, once each in page order; required when every form that has it requires it.</summary>
    public static IReadOnlyList<FormField> FieldsOf(LandingPageDocument document)
    {
        var forms = document.Blocks.Where(b => b.Type == BlockType.LeadForm).Select(b => b.Fields ?? []).ToList();
        return forms.SelectMany(f => f).GroupBy(f => f.Name, StringComparer.Ordinal)
            .Select(g => g.First() with { Required = forms.All(form => form.Any(f => f.Name == g.Key && f.Required)) })
            .ToList();
    }

    /// <param name="language">The page's language (en or zh-CN): the messages are shown to its visitors.</param>
    public static LeadSubmission Check(IReadOnlyList<FormField> fields, IReadOnlyDictionary<string, string> form, string language)
    {
        var text = language == "zh-CN" ? ZhCn : En;
        if (fields.Count == 0)
        {
            throw ValidationFailedException.For("form", text.NoForm);
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
                    errors[field.Name] = [string.Format(CultureInfo.InvariantCulture, text.Required, field.Label)];
                }

                continue;
            }

            if (field.Type == FormFieldType.Email && !IsEmail(value))
            {
                errors[field.Name] = [string.Format(CultureInfo.InvariantCulture, text.Email, field.Label)];
            }
            else if (field.Type == FormFieldType.Phone && !IsPhone(value))
            {
                errors[field.Name] = [string.Format(CultureInfo.InvariantCulture, text.Phone, field.Label)];
            }

            values[field.Name] = value;
            email ??= field.Type == FormFieldType.Email ? value : null;
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors, text.Summary);
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

    private sealed record Messages(string NoForm, string Summary, string Required, string Email, string Phone);
}
