using AdPilot.Core.AccountDeletion;

namespace AdPilot.Web.Features.Privacy;

internal static class AccountDeletionSetup
{
    public static void AddAccountDeletion(this WebApplicationBuilder builder) =>
        builder.Services.AddSingleton<IAccountDeletionJobs, AccountDeletionJobs>();
}
