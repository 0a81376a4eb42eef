using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace AdPilot.Core.Common;

/// <summary>
/// Runs the DataAnnotations on a request record, so the API, the forms and the service share one set of rules. Nested
/// records and the elements of lists and dictionaries are validated with their own rules, wherever they appear, and
/// errors carry the field's path (<c>adSets[0].ads[1].headline</c>). A <c>null</c> where the record does not allow one
/// (a non-nullable member, any list element or dictionary value) is a field error, not a crash further down.
/// </summary>
public static class RequestValidator
{
    private const int MaxDepth = 8;
    private const string NullError = "A value is required here; null is not allowed.";
    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();

    /// <param name="request">A request record, or a list of them (a body that is a JSON array).</param>
    /// <param name="field">The name the errors start with; for a list body, the parameter's name (<c>preferences[0].category</c>).</param>
    public static void Validate(object request, string field = "")
    {
        var errors = new Dictionary<string, List<string>>();
        if (request is IEnumerable and not string)
        {
            CollectNested(request, field, errors, 0);
        }
        else
        {
            Collect(request, field, errors, 0);
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }

    private static void Collect(object instance, string path, Dictionary<string, List<string>> errors, int depth)
    {
        var before = errors.Count;
        var results = new List<ValidationResult>();
        foreach (var member in Members.GetOrAdd(instance.GetType(), Describe))
        {
            var value = member.Property.GetValue(instance);
            var field = Join(path, member.Name);
            if (value is null)
            {
                if (member.NotNull && !member.HasRequired)
                {
                    Add(errors, field, NullError);
                }
            }
            else if (depth < MaxDepth && !IsLeaf(value.GetType()))
            {
                CollectNested(value, field, errors, depth + 1);
            }

            Validator.TryValidateProperty(value, new ValidationContext(instance) { MemberName = member.Property.Name }, results);
        }

        // Object-level rules (IValidatableObject) may read nested members: only run them over a subtree without errors.
        if (results.Count == 0 && errors.Count == before)
        {
            Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: false);
        }

        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                Add(errors, Join(path, member.Length == 0 ? "" : ToCamelCase(member)), result.ErrorMessage ?? "Invalid value.");
            }
        }
    }

    private static void CollectNested(object value, string field, Dictionary<string, List<string>> errors, int depth)
    {
        switch (value)
        {
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary)
                {
                    CollectElement(entry.Value, $"{field}[{entry.Key}]", errors, depth);
                }

                break;
            case IEnumerable items:
                var i = 0;
                foreach (var item in items)
                {
                    CollectElement(item, $"{field}[{i++}]", errors, depth);
                }

                break;
            default:
                if (value.GetType().Namespace?.StartsWith("AdPilot", StringComparison.Ordinal) == true)
                {
                    Collect(value, field, errors, depth);
                }

                break;
        }
    }

    private static void CollectElement(object? item, string field, Dictionary<string, List<string>> errors, int depth)
    {
        if (item is null)
        {
            Add(errors, field, NullError);
        }
        else if (!IsLeaf(item.GetType()))
        {
            CollectNested(item, field, errors, depth);
        }
    }

    private static Member[] Describe(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetMethod?.IsPublic == true)
            .Select(p => new Member(p, ToCamelCase(p.Name),
                !p.PropertyType.IsValueType && nullability.Create(p).ReadState == NullabilityState.NotNull,
                p.IsDefined(typeof(RequiredAttribute), inherit: true)))
            .ToArray();
    }

    /// <summary>Values with nothing inside to validate.</summary>
    private static bool IsLeaf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan)
            || type == typeof(Guid) || type == typeof(Uri);
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            errors[field] = messages = [];
        }

        if (!messages.Contains(message))
        {
            messages.Add(message);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : name.Length == 0 ? path : $"{path}.{name}";

    private static string ToCamelCase(string name) =>
        string.IsNullOrEmpty(name) ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private sealed record Member(PropertyInfo Property, string Name, bool NotNull, bool HasRequired);
}
