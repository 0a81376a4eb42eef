namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>The ad accounts a message names: by platform ("on Meta", "抖音") or by the account's own name.</summary>
internal static class AccountFilter
{
    public static (IReadOnlyList<AgentAccount> Accounts, string? MissingPlatform, IReadOnlyList<Span> Spans) Find(OfflineText text, IReadOnlyList<AgentAccount> accounts)
    {
        var spans = new List<Span>();
        var named = new List<AgentAccount>();
        foreach (var account in accounts.Where(a => a.Name.Trim().Length >= 3))
        {
            var at = text.Normal.IndexOf(account.Name.Trim().ToLowerInvariant(), StringComparison.Ordinal);
            if (at >= 0)
            {
                named.Add(account);
                spans.Add(new Span(at, at + account.Name.Trim().Length));
            }
        }

        var platforms = Lexicon.Platforms.Matches(text).Where(m => !spans.Any(s => s.Overlaps(m.Span))).ToList();
        spans.AddRange(platforms.Select(p => p.Span));
        var onPlatform = accounts.Where(a => platforms.Any(p => Slug(a.Platform) == p.Key)).ToList();
        var missing = platforms.Select(p => p.Key).FirstOrDefault(p => !accounts.Any(a => Slug(a.Platform) == p));
        return ([.. named.Union(onPlatform).OrderBy(a => a.Id)], named.Count == 0 && onPlatform.Count == 0 ? missing : null, spans);
    }

    public static string Slug(string platform) => platform.Trim().ToLowerInvariant() switch
    {
        "googleads" or "google_ads" or "google ads" => "google",
        var p => p,
    };
}
