namespace AdPilot.Web.Features.Agent.Offline;

/// <summary>What one report call covers: all accounts, an ad account, a campaign, an ad set or an ad (Key is the tool's id argument).</summary>
internal sealed record ReportScope(string Label, string? Key = null, long? Id = null)
{
    public ToolCall Call(string tool, DateRange range, params (string Key, object? Value)[] more) =>
        ToolCall.Of(tool, [("from", range.FromText), ("to", range.ToText), .. more, (Key ?? "", Id)]);

    /// <summary>
    /// The scopes a question is about: the page's entity for "this", the campaigns it names (looked up first), the ad
    /// accounts it names, or all accounts. A name that matches nothing is reported in the note and the question is
    /// answered for the accounts.
    /// </summary>
    public static (IReadOnlyList<ReportScope> Scopes, string? Note, OfflineStep? Pending) For(OfflineTurn turn, bool adLevel = false)
    {
        var request = turn.Request;
        if (request.This is { EntityId: { } id } page)
        {
            var key = page.EntityType switch { "campaign" => "campaign_id", "ad_set" => "ad_set_id", "ad_account" => "ad_account_id", "ad" when adLevel => "ad_id", _ => null };
            if (key is not null)
            {
                return ([new ReportScope(turn.T($"this {Names.Level(page.EntityType!, false)}", $"当前{Names.Level(page.EntityType!, true)}"), key, id)], null, null);
            }
        }

        string? note = null;
        if (request.Names.Count > 0)
        {
            var lookup = EntityLookup.Find(turn, request.Names, "campaign");
            if (lookup.Pending is { } pending)
            {
                return ([], null, pending);
            }

            if (lookup.Found.Count > 0)
            {
                return ([.. lookup.Found.Select(f => new ReportScope(f.Entity.Str("name"), "campaign_id", f.Entity.Long("id")))], null, null);
            }

            note = turn.T($"_No campaign matched \"{request.Names[0].Name}\", so these numbers cover {(request.Accounts.Count > 0 ? "the accounts you named" : "all your accounts")}._",
                $"_没有与「{request.Names[0].Name}」匹配的广告系列，以下是{(request.Accounts.Count > 0 ? "你指定账户" : "所有账户")}的数据。_");
        }

        IReadOnlyList<ReportScope> scopes = request.Accounts.Count > 0
            ? [.. request.Accounts.Select(a => new ReportScope(a.Name, "ad_account_id", a.Id))]
            : [new ReportScope(turn.T("All accounts", "所有账户"))];
        return (scopes, note, null);
    }
}
