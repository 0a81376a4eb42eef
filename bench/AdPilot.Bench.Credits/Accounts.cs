using AdPilot.Core.Credits;
using AdPilot.Core.Users;

namespace AdPilot.Bench.Credits;

/// <summary>Bench users: signed in through the dev provider, then funded with a gift and a recharge so both buckets are charged.</summary>
internal static class Accounts
{
    public static async Task<long[]> CreateFundedAsync(BenchDatabase db, string prefix, int count, decimal gift, decimal recharge, int parallelism)
    {
        var ids = new long[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, ct) =>
        {
            var subject = $"bench-{prefix}-{i}";
            var user = await db.Users.SignInAsync(new ExternalIdentity("dev", subject, $"{subject}@bench.adpilot.local", subject, null), ct);
            await db.Credits.GrantAsync(user.Id, CreditTransactionType.Gift, gift, "bench-gift", "Bench gift", ct);
            await db.Credits.GrantAsync(user.Id, CreditTransactionType.Recharge, recharge, "bench-recharge", "Bench recharge", ct);
            ids[i] = user.Id;
        });
        return ids;
    }
}
