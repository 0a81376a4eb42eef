using System.Text.Json;

namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>
/// Finds the campaigns, ad sets or ads the user named. Campaigns: get_campaigns with the name as search, and when that
/// finds none (a typo, other letter case), the first 100 campaigns matched by edit distance. Ad sets and ads: the
/// ranked list of them (get_breakdown sorted by name), matched the same way.
/// </summary>
internal static class EntityLookup
{
    public static LookupResult Find(OfflineTurn turn, IReadOnlyList<NameRef> names, string level)
    {
        var pending = new List<ToolCall>();
        var found = new List<(NameRef Name, JsonElement Entity)>();
        var missing = new List<(NameRef Name, IReadOnlyList<string> Candidates)>();
        foreach (var name in names)
        {
            var (calls, items) = Candidates(turn, name, level);
            if (calls.Count > 0)
            {
                pending.AddRange(calls);
                continue;
            }

            var pick = Pick(items, name);
            if (pick.Match is { } entity)
            {
                found.Add((name, entity));
            }
            else
            {
                missing.Add((name, pick.Closest));
            }
        }

        var failed = names.SelectMany(n => Calls(turn, n, level)).Select(turn.Run).FirstOrDefault(r => r?.Failed == true);
        return new LookupResult(failed is not null ? Answers.Failed(turn, failed) : pending.Count > 0 ? new CallStep(pending) : null, found, missing);
    }

    private static (IReadOnlyList<ToolCall> Calls, IReadOnlyList<JsonElement> Items) Candidates(OfflineTurn turn, NameRef name, string level)
    {
        var calls = Calls(turn, name, level);
        var first = turn.Run(calls[0]);
        if (first is null || first.Failed)
        {
            return ([calls[0]], []);
        }

        var items = Rows(first.Result);
        if (items.Count > 0 || calls.Count == 1)
        {
            return ([], items);
        }

        var all = turn.Run(calls[1]);
        return all is null || all.Failed ? ([calls[1]], []) : ([], Rows(all.Result));
    }

    public static IReadOnlyList<ToolCall> Calls(OfflineTurn turn, NameRef name, string level) => level is "ad_set" or "ad"
        ? [ToolCall.Of("get_breakdown", ("from", turn.Request.Range.FromText), ("to", turn.Request.Range.ToText), ("level", level), ("sort", "name"), ("descending", false), ("limit", 100))]
        : [ToolCall.Of("get_campaigns", ("search", Search(name)), ("page_size", 10)), ToolCall.Of("get_campaigns", ("page_size", 100))];

    private static string Search(NameRef name) => name.Name.Length <= 2 && name.WithLevel is { } longer ? longer : name.Name;

    private static List<JsonElement> Rows(JsonElement result) => [.. result.Items("items").Concat(result.Items("rows"))];

    /// <summary>The one entity the name means: equal names first, then the only one containing it, then the only closest by edit distance.</summary>
    private static (JsonElement? Match, IReadOnlyList<string> Closest) Pick(IReadOnlyList<JsonElement> items, NameRef name)
    {
        var wanted = new[] { name.Name, name.WithLevel }.OfType<string>().Select(Key).ToList();
        var exact = items.Where(i => wanted.Contains(Key(i.Str("name")))).ToList();
        var containing = items.Where(i => wanted.Any(w => Key(i.Str("name")).Contains(w, StringComparison.Ordinal))).ToList();
        var scored = items.Select(i => (Item: i, Distance: wanted.Min(w => Lexicon.EditDistance(Key(i.Str("name")), w)))).OrderBy(s => s.Distance).ToList();
        var limit = Math.Max(1, wanted[0].Length / 4);
        var close = scored.Where(s => s.Distance <= limit).ToList();
        JsonElement? match = exact.Count == 1 ? exact[0] : exact.Count > 1 ? null
            : containing.Count == 1 ? containing[0]
            : containing.Count == 0 && close.Count > 0 && close.Count(c => c.Distance == close[0].Distance) == 1 ? close[0].Item
            : null;
        var closest = (containing.Count > 1 ? containing : scored.Take(5).Select(s => s.Item)).Select(i => i.Str("name")).Take(5).ToList();
        return (match, closest);
    }

    /// <summary>A name for comparing: lower case, letters, digits and Chinese only ("Spring-Sale 1" and "spring sale1" are equal).</summary>
    private static string Key(string name) => new([.. name.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c))]);
}

internal sealed record LookupResult(OfflineStep? Pending, IReadOnlyList<(NameRef Name, JsonElement Entity)> Found, IReadOnlyList<(NameRef Name, IReadOnlyList<string> Candidates)> Missing);
