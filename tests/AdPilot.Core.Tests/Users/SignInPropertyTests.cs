using AdPilot.Core.Tests.Support;
using AdPilot.Core.Users;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Core.Tests.Users;

/// <summary>P1: OAuth login creates or retrieves the user.</summary>
public sealed class SignInPropertyTests
{
    [Property(MaxTest = 40)]
    public bool SignIn_AnySequence_OneUserPerSubjectStableIdsAndLatestEmail(byte[] subjects, byte[] emails)
    {
        return Run().GetAwaiter().GetResult();

        async Task<bool> Run()
        {
            await using var db = await TestDatabase.CreateAsync();
            var users = ServiceFactory.Users(db, TestClock.At2026());
            var idsBySubject = new Dictionary<string, long>();
            var lastEmail = new Dictionary<string, string>();
            foreach (var (s, e) in subjects.Zip(emails.Concat(Enumerable.Repeat((byte)0, subjects.Length))))
            {
                var subject = $"sub-{s % 7}";
                var email = $"user{e}@example.com";
                var user = await users.SignInAsync(new ExternalIdentity(AuthProviders.Google, subject, email, null, null));
                if (idsBySubject.TryGetValue(subject, out var id) && id != user.Id)
                {
                    return false;
                }

                idsBySubject[subject] = user.Id;
                lastEmail[subject] = email;
            }

            await using var context = db.CreateDbContext();
            var stored = await context.Users.ToDictionaryAsync(u => u.Subject);
            return stored.Count == idsBySubject.Count
                && idsBySubject.All(kv => stored[kv.Key].Id == kv.Value && stored[kv.Key].Email == lastEmail[kv.Key]);
        }
    }
}
