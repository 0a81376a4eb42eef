using AdPilot.Core.Data;
using AdPilot.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Credits;

/// <summary>Gives a new user the configured signup gift once: the ledger key <c>signup-gift</c> makes repeats no-ops.</summary>
public sealed class SignupGift(IDbContextFactory<AppDbContext> dbFactory, CreditConfigService configs, CreditService credits) : IUserSignInHandler
{
    public const string Key = "signup-gift";

    public async Task OnSignedInAsync(UserProfile user, CancellationToken ct)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.CreditTransactions.AnyAsync(t => t.UserId == user.Id && t.IdempotencyKey == Key, ct))
            {
                return;
            }
        }

        var gift = (await configs.GetCurrentAsync(ct)).Settings.SignupGift;
        if (gift > 0)
        {
            await credits.GrantAsync(user.Id, CreditTransactionType.Gift, gift, Key, "Welcome gift", ct);
        }
    }
}
