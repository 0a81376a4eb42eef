using System.ComponentModel.DataAnnotations;

namespace AdPilot.Web.Features.Agent;

/// <summary>The <c>Agent</c> section: which model answers, and the limits of a turn.</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";
    public const string Offline = "offline";
    public const string OpenAi = "openai";

    /// <summary><c>offline</c> (the embedded default: no network, no key) or <c>openai</c> (any OpenAI-compatible endpoint).</summary>
    [RegularExpression("^(offline|openai)$", ErrorMessage = "Agent:Provider must be offline or openai.")]
    public string Provider { get; set; } = Offline;

    /// <summary>The model name sent to the provider and priced by the credit config's model rates (<c>offline</c> for the offline agent).</summary>
    [Required, StringLength(64)]
    public string Model { get; set; } = Offline;

    /// <summary>The OpenAI-compatible endpoint's base URL, e.g. https://api.openai.com/v1 or http://localhost:8080/v1.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The provider's API key (a secret: configuration or environment only, never logged).</summary>
    public string? ApiKey { get; set; }

    /// <summary>How often a failed request to the provider (a connection error, a timeout, HTTP 408, 429, 500, 502, 503 or 504) is retried before the turn fails.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The longest the provider may stay silent — before its first byte, or between two pieces of a streamed answer — before the request is given up (and retried).</summary>
    [Range(1, 600)]
    public int NetworkTimeoutSeconds { get; set; } = 30;

    /// <summary>The most output tokens a turn may produce; the credit estimate before a turn assumes all of them.</summary>
    [Range(64, 32_768)]
    public int MaxOutputTokens { get; set; } = 2_048;

    /// <summary>Model round trips per turn (each may call tools) before the agent must answer.</summary>
    [Range(1, 20)]
    public int MaxToolRounds { get; set; } = 8;

    /// <summary>A turn that has not finished after this long is stopped, refunded and reported as timed out.</summary>
    [Range(5, 600)]
    public int TurnTimeoutSeconds { get; set; } = 60;

    /// <summary>Turns one user may run at once on a node (across tabs and devices).</summary>
    [Range(1, 20)]
    public int MaxConcurrentTurnsPerUser { get; set; } = 2;
}
