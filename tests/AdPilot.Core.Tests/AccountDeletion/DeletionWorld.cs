using AdPilot.Core.AccountDeletion;
using AdPilot.Core.Data;
using AdPilot.Core.Email;
using AdPilot.Core.LandingPages;
using AdPilot.Core.Platforms.Simulated;
using AdPilot.Core.Storage;
using AdPilot.Core.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdPilot.Core.Tests.AccountDeletion;

/// <summary>The deletion service wired as the host wires it, over a test database, store and clock, with recording fakes.</summary>
internal sealed class DeletionWorld : IAsyncDisposable
{
    private DeletionWorld(TestDatabase db, IObjectStorage store, TestStorage? local)
    {
        Db = db;
        Local = local;
        Storage = new FlakyStorage(store);
        Clock = TestClock.At2026();
        Platform = ServiceFactory.Simulated(Clock);
        AdAccounts = ServiceFactory.AdAccounts(db, Clock, Platform);
        Sessions = ServiceFactory.Sessions(db, Clock);
        Publisher = new LandingPagePublisher(db, Storage, new NoCdnInvalidator(), new LandingPageAdLinks(db), Options.Create(new LandingPageOptions()),
            Options.Create(new StorageOptions()), Clock, NullLogger<LandingPagePublisher>.Instance);
        Service = new AccountDeletionService(db, AdAccounts, Jobs, Sessions, Publisher, Email, Clock, NullLogger<AccountDeletionService>.Instance);
        Outbox = new StorageDeletionOutbox(db, Storage, Clock, NullLogger<StorageDeletionOutbox>.Instance);
    }

    public TestDatabase Db { get; }
    public TestStorage? Local { get; }
    public FlakyStorage Storage { get; }
    public FakeTimeProvider Clock { get; }
    public SimulatedAdPlatform Platform { get; }
    public AdPilot.Core.AdAccounts.AdAccountService AdAccounts { get; }
    public AdPilot.Core.Identity.SessionValidator Sessions { get; }
    public LandingPagePublisher Publisher { get; }
    public AccountDeletionService Service { get; }
    public StorageDeletionOutbox Outbox { get; }
    public RecordingJobs Jobs { get; } = new();
    public RecordingEmail Email { get; } = new();

    /// <summary>A caller who signed in a minute ago.</summary>
    public DeletionCaller FreshCaller => new(Clock.GetUtcNow().UtcDateTime.AddMinutes(-1), false);

    public static DeleteAccountRequest Confirmed => new() { Confirmation = AccountDeletionService.ConfirmationWord };

    public static async Task<DeletionWorld> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, IObjectStorage? store = null)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var local = store is null ? new TestStorage() : null;
        return new DeletionWorld(db, store ?? local!.Store, local);
    }

    public async ValueTask DisposeAsync()
    {
        Publisher.Dispose();
        Local?.Dispose();
        await Db.DisposeAsync();
    }

    internal sealed class RecordingJobs : IAccountDeletionJobs
    {
        public List<long> Cancelled { get; } = [];
        public int Drains { get; private set; }

        public Task CancelUserJobsAsync(long userId, IReadOnlyCollection<long> notificationIds, CancellationToken ct)
        {
            Cancelled.Add(userId);
            return Task.CompletedTask;
        }

        public void DrainStorageOutboxSoon() => Drains++;
    }

    internal sealed class RecordingEmail : IEmailSender
    {
        public List<EmailMessage> Sent { get; } = [];

        public Task SendAsync(EmailMessage message, CancellationToken ct)
        {
            Sent.Add(message);
            return Task.CompletedTask;
        }
    }

    /// <summary>A store that fails every delete while <see cref="Down"/> is set, as an outage would.</summary>
    internal sealed class FlakyStorage(IObjectStorage inner) : IObjectStorage
    {
        public bool Down { get; set; }
        public int FailedDeletes { get; private set; }

        public Task PutAsync(string key, Stream content, string contentType, CancellationToken ct = default) => inner.PutAsync(key, content, contentType, ct);
        public Task<Stream?> GetAsync(string key, CancellationToken ct = default) => inner.GetAsync(key, ct);
        public Task<StoredObject?> StatAsync(string key, CancellationToken ct = default) => inner.StatAsync(key, ct);
        public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => inner.ExistsAsync(key, ct);

        public Task DeleteAsync(string key, CancellationToken ct = default)
        {
            if (Down)
            {
                FailedDeletes++;
                throw new IOException("The store is unreachable.");
            }

            return inner.DeleteAsync(key, ct);
        }

        public string PresignedPutUrl(string key, string contentType, long contentLength, TimeSpan expiresIn) => inner.PresignedPutUrl(key, contentType, contentLength, expiresIn);
        public IAsyncEnumerable<ListedObject> ListOlderThanAsync(string prefix, DateTimeOffset before, CancellationToken ct = default) => inner.ListOlderThanAsync(prefix, before, ct);
        public string SignedGetUrl(string key, TimeSpan expiresIn) => inner.SignedGetUrl(key, expiresIn);
        public string PublicUrl(string key) => inner.PublicUrl(key);
    }
}
