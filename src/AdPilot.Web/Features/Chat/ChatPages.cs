using System.Text.RegularExpressions;
using AdPilot.Web.Features.Agent;

namespace AdPilot.Web.Features.Chat;

/// <summary>Where the user is, from the app's address, so "pause this" on a campaign's page means that campaign.</summary>
public static partial class ChatPages
{
    public static AgentPage For(string absoluteUri)
    {
        var path = Uri.TryCreate(absoluteUri, UriKind.Absolute, out var uri) ? uri.AbsolutePath : "/";
        var match = EntityRoute().Match(path);
        if (!match.Success || !long.TryParse(match.Groups["id"].ValueSpan, out var id) || id < 1)
        {
            return new AgentPage(path, null, null);
        }

        var type = match.Groups["type"].Value switch
        {
            "campaigns" => "campaign",
            "ad-sets" => "ad_set",
            "ads" => "ad",
            "creatives" => "creative",
            _ => "ad_account",
        };
        return new AgentPage(path, type, id);
    }

    [GeneratedRegex("^/(?<type>campaigns|ad-sets|ads|creatives|ad-accounts)/(?<id>[0-9]{1,18})/?$")]
    private static partial Regex EntityRoute();
}
