using AdPilot.Core.AdAccounts;
using AdPilot.Core.Users;

namespace AdPilot.Web.Features.Agent;

/// <summary>Gathers what the agent knows at the start of a turn (<see cref="AgentContext"/>) from the user's profile and ad accounts.</summary>
public sealed class AgentContextBuilder(UserService users, AdAccountService accounts, TimeProvider clock)
{
    public async Task<AgentContext> BuildAsync(long userId, AgentPage? page, CancellationToken ct)
    {
        var profile = await users.GetAsync(userId, ct);
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(profile.TimeZone, out var found) ? found : TimeZoneInfo.Utc;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var list = await accounts.ListAsync(userId, ct);
        return new AgentContext(
            today,
            zone.Id,
            profile.Language,
            list.Select(a => new AgentAccount(a.Id, a.Name, a.Platform, a.Currency, a.TimeZone, a.TokenState is "needs_reauth" or "expired")).ToList(),
            page);
    }
}
