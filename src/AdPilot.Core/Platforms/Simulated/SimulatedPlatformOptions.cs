namespace AdPilot.Core.Platforms.Simulated;

/// <summary>The embedded ad platform: its consent page, token lifetime and seed.</summary>
public sealed class SimulatedPlatformOptions
{
    public const string Section = "Platforms:Simulated";

    /// <summary>How long an access token lives; set to minutes for a demo of expiry and re-authorisation.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(60);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Seed of the generated campaigns and metrics: the same seed gives the same history.</summary>
    public int Seed { get; set; } = 20261126;

    /// <summary>Where created campaigns are kept between restarts (set by the host under the data directory).</summary>
    public string? StateFile { get; set; }

    /// <summary>Signs the simulated tokens; a simulator secret, not a real credential.</summary>
    public string TokenSecret { get; set; } = "adpilot-simulated-platform";
}
