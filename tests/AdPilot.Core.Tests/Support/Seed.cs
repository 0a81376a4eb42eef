using AdPilot.Core.Users;

namespace AdPilot.Core.Tests.Support;

public static class Seed
{
    public static async Task<long> UserAsync(TestDatabase db, string email = "ledger@example.com")
    {
        var user = await ServiceFactory.Users(db, TestClock.At2026()).SignInAsync(new ExternalIdentity(AuthProviders.Dev, email, email, null, null));
        return user.Id;
    }
}
