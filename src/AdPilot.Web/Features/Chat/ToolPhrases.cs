using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace AdPilot.Web.Features.Chat;

/// <summary>
/// A tool call in words for its card: "Spend by campaign, last 7 days, ad account 3" rather than
/// <c>get_breakdown {"sort":"spend",…}</c>. Known tools and arguments read as phrases; anything else as
/// "Tool name (arg: value, …)".
/// </summary>
public static class ToolPhrases
{
    private const int MaxValueLength = 40;

    /// <summary>Arguments that only steer paging or the write protocol: they say nothing about what was asked.</summary>
    private static readonly HashSet<string> Silent = ["cursor", "page_size", "dry_run", "confirm", "newest_first"];

    /// <summary>The entity ids a title can name ("Pause campaign {0}"), in the order they are looked for.</summary>
    private static readonly string[] EntityIds = ["campaign_id", "ad_set_id", "ad_id", "creative_id", "ad_account_id", "id"];

    private static readonly (string Key, string Phrase)[] Scopes =
    [
        ("ad_account_id", "Chat.Parts.Arg.AdAccount"), ("campaign_id", "Chat.Parts.Arg.Campaign"), ("ad_set_id", "Chat.Parts.Arg.AdSet"),
        ("ad_id", "Chat.Parts.Arg.Ad"), ("creative_id", "Chat.Parts.Arg.Creative"),
    ];

    public static string Describe(string tool, JsonObject input, IStringLocalizer l)
    {
        var used = new HashSet<string>(Silent);
        var title = Title(tool, input, used, l);
        var words = new List<string>();
        Range(tool, input, used, words, l);
        foreach (var (key, phrase) in Scopes)
        {
            if (!used.Contains(key) && Text(input[key]) is { } id)
            {
                used.Add(key);
                words.Add(Format(l, phrase, id));
            }
        }

        Qualifiers(input, used, words, l);
        var rest = input.Where(a => !used.Contains(a.Key) && a.Value is not null).Select(a => $"{a.Key.Replace('_', ' ')}: {Text(a.Value)}").ToList();
        if (title is null)
        {
            return Humanize(tool) + (words.Concat(rest).ToList() is { Count: > 0 } all ? $" ({string.Join(", ", all)})" : "");
        }

        return string.Join(", ", new[] { title }.Concat(words).Concat(rest));
    }

    private static string? Title(string tool, JsonObject input, HashSet<string> used, IStringLocalizer l)
    {
        if (tool == "get_breakdown")
        {
            used.UnionWith(["sort", "level"]);
            var metric = Localized(l, "Chat.Parts.Metric." + (Text(input["sort"]) ?? "spend")) ?? Text(input["sort"])!;
            var level = Localized(l, "Chat.Parts.Level." + (Text(input["level"]) ?? Below(input)));
            return level is null ? metric : Format(l, "Chat.Parts.Tool.get_breakdown", metric, level);
        }

        if (Localized(l, "Chat.Parts.Tool." + tool) is not { } title)
        {
            return null;
        }

        if (!title.Contains("{0}", StringComparison.Ordinal))
        {
            return title;
        }

        var id = EntityIds.FirstOrDefault(k => Text(input[k]) is not null);
        if (id is not null)
        {
            used.Add(id);
        }

        return string.Format(CultureInfo.CurrentCulture, title, id is null ? "" : Text(input[id])).Trim();
    }

    /// <summary>The rows of a breakdown without a level: the level below its scope.</summary>
    private static string Below(JsonObject input) =>
        input["ad_set_id"] is not null ? "ad" : input["campaign_id"] is not null ? "ad_set" : "campaign";

    /// <summary>The date range of a report ("last 7 days", "May 1 – May 7") or the week of an analysis.</summary>
    private static void Range(string tool, JsonObject input, HashSet<string> used, List<string> words, IStringLocalizer l)
    {
        var from = Date(input["from"]);
        var to = Date(input["to"]);
        if (tool == "analyze_performance")
        {
            used.Add("to");
            words.Add(to is { } end ? Format(l, "Chat.Parts.Arg.WeekTo", Day(end)) : l["Chat.Parts.Arg.LastWeek"]);
            return;
        }

        if (tool is not ("get_reports" or "get_metrics" or "get_breakdown") && from is null && to is null)
        {
            return;
        }

        used.UnionWith(["from", "to"]);
        words.Add((from, to) switch
        {
            (null, null) => l["Chat.Parts.Arg.Last7"],
            ({ } f, { } t) => Format(l, "Chat.Parts.Arg.Range", Day(f), Day(t)),
            ({ } f, null) => Format(l, "Chat.Parts.Arg.From", Day(f)),
            (null, { } t) => Format(l, "Chat.Parts.Arg.Until", Day(t)),
        });
    }

    private static void Qualifiers(JsonObject input, HashSet<string> used, List<string> words, IStringLocalizer l)
    {
        void Add(string key, Func<string, string?> phrase)
        {
            if (used.Contains(key) || Text(input[key]) is not { } value)
            {
                return;
            }

            used.Add(key);
            if (phrase(value) is { } phrased)
            {
                words.Add(phrased);
            }
        }

        Add("granularity", v => Localized(l, "Chat.Parts.Arg.Granularity." + v.ToLowerInvariant()) ?? $"granularity: {v}");
        Add("descending", v => v == "false" ? l["Chat.Parts.Arg.Ascending"].Value : null);
        Add("limit", v => Format(l, "Chat.Parts.Arg.Top", v));
        Add("currency", v => Format(l, "Chat.Parts.Arg.Currency", v.ToUpperInvariant()));
        Add("status", v => Format(l, "Chat.Parts.Arg.Status", Localized(l, "Chat.Parts.Value." + v.ToLowerInvariant()) ?? v));
        Add("search", v => Format(l, "Chat.Parts.Arg.Search", v));
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : Shorten(s),
        JsonValue v => Shorten(v.ToJsonString()),
        JsonArray a => Shorten(string.Join(", ", a.Select(Text).OfType<string>())),
        _ => Shorten(node.ToJsonString()),
    };

    private static string Shorten(string value) => value.Length <= MaxValueLength ? value : value[..(MaxValueLength - 1)] + "…";

    private static DateOnly? Date(JsonNode? node) =>
        DateOnly.TryParseExact(Text(node), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Day(DateOnly day) => day.ToString("M", CultureInfo.CurrentCulture);

    private static string? Localized(IStringLocalizer l, string key) => l[key] is { ResourceNotFound: false } found ? found.Value : null;

    private static string Format(IStringLocalizer l, string key, params object?[] values) => string.Format(CultureInfo.CurrentCulture, l[key], values);

    /// <summary>get_foo_bar → "Get foo bar", for tools without a phrase of their own.</summary>
    private static string Humanize(string tool) =>
        tool.Length == 0 ? tool : char.ToUpperInvariant(tool[0]) + tool[1..].Replace('_', ' ');
}
