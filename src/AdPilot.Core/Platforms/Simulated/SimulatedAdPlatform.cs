using System.Security.Cryptography;
using AdPilot.Core.AdAccounts;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.Platforms.Simulated;

/// <summary>
/// The embedded ad platform: a consent page served by AdPilot itself, two ad accounts per person, a generated campaign
/// tree with deterministic daily metrics, token expiry and failures on demand (<see cref="SimulatedFaults"/>).
/// Codes live in memory (one node); tokens and created campaigns survive restarts.
/// </summary>
public sealed class SimulatedAdPlatform : IAdPlatform
{
    public const string ConsentPath = "/simulated-platform/authorize";

    private readonly SimulatedPlatformOptions _options;
    private readonly TimeProvider _clock;
    private readonly SimulatedFaults _faults;
    private readonly SimulatedTokens _tokens;
    private readonly SimulatedWorld _world;
    private readonly SimulatedAnomalies _anomalies;

    public SimulatedAdPlatform(IOptions<SimulatedPlatformOptions> options, TimeProvider clock, SimulatedFaults faults, SimulatedAnomalies? anomalies = null)
    {
        _anomalies = anomalies ?? new SimulatedAnomalies();
        _options = options.Value;
        _clock = clock;
        _faults = faults;
        _tokens = new SimulatedTokens(_options, clock);
        _world = new SimulatedWorld(_options, clock);
    }

    public AdPlatformKind Kind => AdPlatformKind.Simulated;

    /// <summary>Rejects (and approves again) ads on demand, for tests and demos.</summary>
    public SimulatedReviews Reviews { get; } = new();

    public bool IsConfigured => true;

    public bool SupportsPkce => true;

    public Uri BuildAuthorizeUrl(AuthorizeRequest request)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = "adpilot",
            ["response_type"] = "code",
            ["redirect_uri"] = request.RedirectUri.ToString(),
            ["state"] = request.State,
            ["scope"] = "ads_read ads_management",
        };
        if (request.CodeChallenge is not null)
        {
            query["code_challenge"] = request.CodeChallenge;
            query["code_challenge_method"] = "S256";
        }

        // Spaces as '+' (form encoding, as OAuth servers emit them): Uri.ToString(), which the pages navigate with,
        // turns "%20" back into a raw space.
        return new Uri(new Uri(request.RedirectUri, ConsentPath) + "?" + PlatformHttp.Query(query).Replace("%20", "+", StringComparison.Ordinal));
    }

    /// <summary>Called by the consent page when the person allows access.</summary>
    public string IssueCode(long subject, string? codeChallenge, Uri redirectUri) => _tokens.IssueCode(subject, codeChallenge, redirectUri);

    public Task<PlatformTokens> ExchangeCodeAsync(CodeExchange exchange, CancellationToken ct) => Task.FromResult(_tokens.Exchange(exchange));

    public Task<PlatformTokens> RefreshAsync(PlatformTokens current, CancellationToken ct)
    {
        if (_faults.RefreshFails)
        {
            throw new PlatformException(PlatformErrorKind.AuthExpired, "The refresh token was revoked by the platform.", "invalid_grant");
        }

        var grant = _tokens.Validate(current.RefreshToken ?? "", "rt", _world.Revoked);
        return Task.FromResult(_tokens.Issue(grant.Subject, grant.GrantId));
    }

    public Task RevokeAsync(PlatformTokens tokens, CancellationToken ct)
    {
        try
        {
            _world.Revoke(_tokens.Validate(tokens.RefreshToken ?? tokens.AccessToken, tokens.RefreshToken is null ? "at" : "rt", new HashSet<string>()).GrantId);
        }
        catch (PlatformException)
        {
            // Already expired or unknown: nothing left to revoke.
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PlatformAdAccount>> ListAdAccountsAsync(string accessToken, CancellationToken ct)
    {
        var grant = Authorize(accessToken);
        return Task.FromResult(SimulatedWorld.AccountsOf(grant.Subject));
    }

    public Task<IReadOnlyList<PlatformCampaign>> ListCampaignsAsync(PlatformAccess access, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PlatformCampaign>>(Entities(access, PlatformLevel.Campaign)
            .Select(e => new PlatformCampaign(e.Id, e.Name, e.Objective, e.Status, e.BudgetType, e.Budget, e.StartDate, e.EndDate)).ToList());

    public Task<IReadOnlyList<PlatformAdSet>> ListAdSetsAsync(PlatformAccess access, string campaignId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PlatformAdSet>>(Entities(access, PlatformLevel.AdSet).Where(e => e.ParentId == campaignId)
            .Select(e => new PlatformAdSet(e.Id, campaignId, e.Name, e.Status, e.BudgetType, e.Budget)).ToList());

    public Task<IReadOnlyList<PlatformAd>> ListAdsAsync(PlatformAccess access, string adSetId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PlatformAd>>(Entities(access, PlatformLevel.Ad).Where(e => e.ParentId == adSetId)
            .Select(e => new PlatformAd(e.Id, adSetId, e.Name, e.Status, e.CreativeRef, e.LandingPageUrl, Reviews.For(e.Id, e.Name))).ToList());

    public Task<string> CreateCampaignAsync(PlatformAccess access, CampaignSpec spec, CancellationToken ct)
    {
        Check(access);
        ValidateBudget(spec.Budget);
        if (spec.EndDate is { } end && spec.StartDate is { } start && end < start)
        {
            throw new PlatformException(PlatformErrorKind.Validation, "The end date must be after the start date.", "100");
        }

        return Task.FromResult(_world.Add(New(access, PlatformLevel.Campaign, null, spec.Name, spec.Status, e =>
        {
            e.Objective = spec.Objective;
            e.BudgetType = spec.BudgetType;
            e.Budget = spec.Budget;
            e.StartDate = spec.StartDate;
            e.EndDate = spec.EndDate;
        })));
    }

    public Task UpdateCampaignAsync(PlatformAccess access, string campaignId, CampaignSpec spec, CancellationToken ct)
    {
        Check(access);
        ValidateBudget(spec.Budget);
        Change(access, campaignId, spec.Status, e =>
        {
            e.Name = spec.Name;
            e.Objective = spec.Objective;
            e.BudgetType = spec.BudgetType;
            e.Budget = spec.Budget;
            e.StartDate = spec.StartDate;
            e.EndDate = spec.EndDate;
        });
        return Task.CompletedTask;
    }

    public Task<string> CreateAdSetAsync(PlatformAccess access, string campaignId, AdSetSpec spec, CancellationToken ct)
    {
        Check(access);
        if (spec.Budget is { } budget)
        {
            ValidateBudget(budget);
        }

        return Task.FromResult(_world.Add(New(access, PlatformLevel.AdSet, campaignId, spec.Name, spec.Status, e =>
        {
            e.BudgetType = spec.BudgetType;
            e.Budget = spec.Budget;
        })));
    }

    public Task UpdateAdSetAsync(PlatformAccess access, string adSetId, AdSetSpec spec, CancellationToken ct)
    {
        Check(access);
        Change(access, adSetId, spec.Status, e =>
        {
            e.Name = spec.Name;
            e.BudgetType = spec.BudgetType;
            e.Budget = spec.Budget;
        });
        return Task.CompletedTask;
    }

    public Task<string> CreateAdAsync(PlatformAccess access, string adSetId, AdSpec spec, CancellationToken ct)
    {
        Check(access);
        return Task.FromResult(_world.Add(New(access, PlatformLevel.Ad, adSetId, spec.Name, spec.Status, e =>
        {
            e.CreativeRef = spec.CreativeRef;
            e.LandingPageUrl = spec.LandingPageUrl;
        })));
    }

    public Task UpdateAdAsync(PlatformAccess access, string adId, AdSpec spec, CancellationToken ct)
    {
        Check(access);
        Change(access, adId, spec.Status, e =>
        {
            e.Name = spec.Name;
            e.CreativeRef = spec.CreativeRef;
            e.LandingPageUrl = spec.LandingPageUrl;
        });
        return Task.CompletedTask;
    }

    public Task SetStatusAsync(PlatformAccess access, PlatformLevel level, string id, PlatformStatus status, CancellationToken ct)
    {
        Check(access);
        _world.Find(access.AccountId, level, id);
        Change(access, id, status, _ => { });
        return Task.CompletedTask;
    }

    public Task DeleteAsync(PlatformAccess access, PlatformLevel level, string id, CancellationToken ct)
    {
        Check(access);
        _world.Find(access.AccountId, level, id);
        _world.Remove(access.AccountId, id);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PlatformInsightRow>> GetDailyInsightsAsync(PlatformAccess access, InsightsQuery query, CancellationToken ct)
    {
        Check(access);
        var today = Today;
        var to = query.To > today ? today : query.To;
        var account = SimulatedWorld.AccountsOf(SimulatedWorld.OwnerOf(access.AccountId)).Single(a => a.Id == access.AccountId);
        var ads = _anomalies.Apply(access.AccountId, account.TimeZone, _clock.GetUtcNow(),
            SimulatedInsights.Daily(_options.Seed, _world.Entities(access.AccountId), account.Currency, PlatformLevel.Ad, query.From, to));
        return Task.FromResult<IReadOnlyList<PlatformInsightRow>>(query.Level == PlatformLevel.Ad ? ads : SimulatedInsights.Roll(ads, query.Level));
    }

    public Task<string> UploadCreativeAsync(PlatformAccess access, CreativeUpload upload, CancellationToken ct)
    {
        Check(access);
        if (upload.Content.IsEmpty)
        {
            throw new PlatformException(PlatformErrorKind.Validation, "The file is empty.", "100");
        }

        return Task.FromResult("simcreative_" + Convert.ToHexStringLower(SHA256.HashData(upload.Content.Span))[..16]);
    }

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    private SimulatedTokens.Grant Authorize(string accessToken)
    {
        var grant = _tokens.Validate(accessToken, "at", _world.Revoked);
        _faults.ThrowIfInjected();
        return grant;
    }

    /// <summary>The token must be valid and belong to the person who owns the account.</summary>
    private void Check(PlatformAccess access)
    {
        var grant = Authorize(access.AccessToken);
        if (SimulatedWorld.OwnerOf(access.AccountId) != grant.Subject)
        {
            throw new PlatformException(PlatformErrorKind.NotFound, $"Ad account {access.AccountId} is not accessible with this token.", "100");
        }
    }

    private List<SimEntity> Entities(PlatformAccess access, PlatformLevel level)
    {
        Check(access);
        return _world.Entities(access.AccountId).Where(e => e.Level == level).ToList();
    }

    private SimEntity New(PlatformAccess access, PlatformLevel level, string? parentId, string name, PlatformStatus status, Action<SimEntity> fill)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new PlatformException(PlatformErrorKind.Validation, "A name is required.", "100");
        }

        var entity = new SimEntity
        {
            Level = level, AccountId = access.AccountId, ParentId = parentId, Name = name, Status = status, CreatedOn = Today, StatusSince = Today,
        };
        fill(entity);
        return entity;
    }

    private void Change(PlatformAccess access, string id, PlatformStatus status, Action<SimEntity> change) =>
        _world.Update(access.AccountId, id, e =>
        {
            change(e);
            if (e.Status != status)
            {
                e.Status = status;
                e.StatusSince = Today;
            }
        });

    private static void ValidateBudget(decimal budget)
    {
        if (budget < 1m || budget > 1_000_000m)
        {
            throw new PlatformException(PlatformErrorKind.Validation, "The budget must be between 1 and 1,000,000 in the account currency.", "1885650");
        }
    }
}
