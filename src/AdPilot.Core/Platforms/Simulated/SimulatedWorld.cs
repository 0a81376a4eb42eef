using System.Globalization;
using System.Text.Json;

namespace AdPilot.Core.Platforms.Simulated;

/// <summary>One campaign, ad set or ad on the simulated platform.</summary>
internal sealed class SimEntity
{
    public string Id { get; set; } = "";
    public PlatformLevel Level { get; set; }
    public string AccountId { get; set; } = "";
    public string? ParentId { get; set; }
    public string Name { get; set; } = "";
    public string Objective { get; set; } = "Sales";
    public PlatformStatus Status { get; set; } = PlatformStatus.Active;
    public PlatformBudgetType? BudgetType { get; set; }
    public decimal? Budget { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public string? CreativeRef { get; set; }
    public string? LandingPageUrl { get; set; }
    public DateOnly CreatedOn { get; set; }

    /// <summary>The day the current status began: a paused entity spent until then.</summary>
    public DateOnly StatusSince { get; set; }

    public SimEntity Copy() => (SimEntity)MemberwiseClone();
}

/// <summary>
/// The simulated platform's accounts and campaign trees. Every account starts with a generated tree (the same for the
/// same seed and account); campaigns created through the API are added and kept in the state file across restarts.
/// </summary>
internal sealed class SimulatedWorld(SimulatedPlatformOptions options, TimeProvider clock)
{
    private static readonly string[] Themes = ["Spring Sale", "Evergreen Prospecting", "Retargeting", "Brand Awareness", "Holiday Push", "New Arrivals"];
    private static readonly string[] Audiences = ["Lookalike 1%", "Interests: Fitness", "Broad 25-44", "Website visitors 30d"];
    private static readonly string[] Creatives = ["Video A", "Carousel B", "Static C", "UGC D"];
    private static readonly DateOnly GeneratedOn = new(2024, 1, 1);

    private readonly Lock _gate = new();
    private State? _state;

    private sealed class State
    {
        public Dictionary<string, List<SimEntity>> Accounts { get; set; } = [];
        public HashSet<string> Revoked { get; set; } = [];
        public long NextId { get; set; } = 100_000;
    }

    public static IReadOnlyList<PlatformAdAccount> AccountsOf(long subject) =>
    [
        new($"sim-{subject}-1", "Simulated Store", "USD", "America/New_York"),
        new($"sim-{subject}-2", "Simulated Brand EU", "EUR", "Europe/Berlin"),
    ];

    public static long OwnerOf(string accountId) =>
        accountId.Split('-') is ["sim", var subject, _] && long.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new PlatformException(PlatformErrorKind.NotFound, $"Ad account {accountId} does not exist.", "100");

    public IReadOnlySet<string> Revoked
    {
        get
        {
            lock (_gate)
            {
                return new HashSet<string>(Load().Revoked);
            }
        }
    }

    public void Revoke(string grantId) => Mutate(s => s.Revoked.Add(grantId));

    public List<SimEntity> Entities(string accountId)
    {
        lock (_gate)
        {
            return [.. Tree(Load(), accountId).Select(e => e.Copy())];
        }
    }

    public SimEntity Find(string accountId, PlatformLevel level, string id) =>
        Entities(accountId).FirstOrDefault(e => e.Id == id && e.Level == level)
        ?? throw new PlatformException(PlatformErrorKind.NotFound, $"{level} {id} does not exist on this account.", "100");

    public string Add(SimEntity entity)
    {
        string id = "";
        Mutate(s =>
        {
            var tree = Tree(s, entity.AccountId);
            if (entity.ParentId is not null && tree.All(e => e.Id != entity.ParentId))
            {
                throw new PlatformException(PlatformErrorKind.Validation, $"Parent {entity.ParentId} does not exist.", "100");
            }

            id = (s.NextId++).ToString(CultureInfo.InvariantCulture);
            entity.Id = id;
            tree.Add(entity);
        });
        return id;
    }

    public void Update(string accountId, string id, Action<SimEntity> change) => Mutate(s =>
        change(Tree(s, accountId).FirstOrDefault(e => e.Id == id)
            ?? throw new PlatformException(PlatformErrorKind.NotFound, $"Object {id} does not exist on this account.", "100")));

    public void Remove(string accountId, string id) => Mutate(s =>
    {
        var tree = Tree(s, accountId);
        var doomed = new HashSet<string> { id };
        foreach (var e in tree.Where(e => e.ParentId == id).ToList())
        {
            doomed.Add(e.Id);
            doomed.UnionWith(tree.Where(c => c.ParentId == e.Id).Select(c => c.Id));
        }

        if (tree.RemoveAll(e => doomed.Contains(e.Id)) == 0)
        {
            throw new PlatformException(PlatformErrorKind.NotFound, $"Object {id} does not exist on this account.", "100");
        }
    });

    private void Mutate(Action<State> change)
    {
        lock (_gate)
        {
            var state = Load();
            change(state);
            Save(state);
        }
    }

    private List<SimEntity> Tree(State state, string accountId)
    {
        if (!state.Accounts.TryGetValue(accountId, out var tree))
        {
            tree = Generate(accountId);
            state.Accounts[accountId] = tree;
        }

        return tree;
    }

    /// <summary>Three campaigns of two ad sets of two ads; the last campaign was paused a while ago.</summary>
    private List<SimEntity> Generate(string accountId)
    {
        var tree = new List<SimEntity>();
        var n = 0;
        string Next() => $"{accountId}-g{++n}";
        for (var c = 0; c < 3; c++)
        {
            var theme = Themes[(int)(StableHash.Unit(options.Seed, accountId, "theme", c) * Themes.Length)];
            var campaign = new SimEntity
            {
                Id = Next(), Level = PlatformLevel.Campaign, AccountId = accountId, Name = $"{theme} {c + 1}",
                Objective = c == 2 ? "Traffic" : "Sales", BudgetType = PlatformBudgetType.Daily,
                Budget = 50 + (int)(StableHash.Unit(options.Seed, accountId, "budget", c) * 20) * 10,
                Status = c == 2 ? PlatformStatus.Paused : PlatformStatus.Active, CreatedOn = GeneratedOn,
                StatusSince = c == 2 ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-75) : GeneratedOn,
            };
            tree.Add(campaign);
            for (var s = 0; s < 2; s++)
            {
                var adSet = new SimEntity
                {
                    Id = Next(), Level = PlatformLevel.AdSet, AccountId = accountId, ParentId = campaign.Id,
                    Name = Audiences[(c + s) % Audiences.Length], Status = PlatformStatus.Active, CreatedOn = GeneratedOn, StatusSince = GeneratedOn,
                };
                tree.Add(adSet);
                for (var a = 0; a < 2; a++)
                {
                    tree.Add(new SimEntity
                    {
                        Id = Next(), Level = PlatformLevel.Ad, AccountId = accountId, ParentId = adSet.Id,
                        Name = $"{Creatives[(s * 2 + a + c) % Creatives.Length]} · {adSet.Name}", Status = PlatformStatus.Active,
                        CreatedOn = GeneratedOn, StatusSince = GeneratedOn,
                    });
                }
            }
        }

        return tree;
    }

    private State Load()
    {
        if (_state is not null)
        {
            return _state;
        }

        _state = options.StateFile is { } file && File.Exists(file)
            ? JsonSerializer.Deserialize<State>(File.ReadAllText(file)) ?? new State()
            : new State();
        return _state;
    }

    private void Save(State state)
    {
        if (options.StateFile is not { } file)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(state));
        File.Move(temp, file, overwrite: true);
    }
}
