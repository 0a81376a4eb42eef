namespace AdPilot.Core.Platforms.GoogleAds;

public sealed partial class GoogleAdsClient
{
    private const string Scope = "https://www.googleapis.com/auth/adwords";

    /// <summary>Offline access with forced consent, so Google always issues a refresh token; PKCE S256 when given.</summary>
    public Uri BuildAuthorizeUrl(AuthorizeRequest request)
    {
        var query = PlatformHttp.Query(
        [
            new("client_id", Options.ClientId),
            new("redirect_uri", request.RedirectUri.ToString()),
            new("response_type", "code"),
            new("scope", Scope),
            new("access_type", "offline"),
            new("prompt", "consent"),
            new("include_granted_scopes", "true"),
            new("state", request.State),
            new("code_challenge", request.CodeChallenge),
            new("code_challenge_method", request.CodeChallenge is null ? null : "S256"),
        ]);
        return new Uri($"{Options.AuthorizeUrl}?{query}");
    }

    public async Task<PlatformTokens> ExchangeCodeAsync(CodeExchange exchange, CancellationToken ct)
    {
        var form = new Dictionary<string, string?>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = exchange.Code,
            ["redirect_uri"] = exchange.RedirectUri.ToString(),
            ["client_id"] = Options.ClientId,
            ["client_secret"] = Options.ClientSecret,
            ["code_verifier"] = exchange.CodeVerifier,
        };
        return Tokens(await TokenAsync(form, idempotent: false, ct), previousRefresh: null);
    }

    /// <summary>Google usually answers a refresh without a new refresh token: the old one stays valid and is kept.</summary>
    public async Task<PlatformTokens> RefreshAsync(PlatformTokens current, CancellationToken ct)
    {
        if (current.RefreshToken is null)
        {
            throw new PlatformException(PlatformErrorKind.AuthExpired, "The Google Ads grant has no refresh token; the user must authorise again.");
        }

        var form = new Dictionary<string, string?>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = current.RefreshToken,
            ["client_id"] = Options.ClientId,
            ["client_secret"] = Options.ClientSecret,
        };
        return Tokens(await TokenAsync(form, idempotent: true, ct), current.RefreshToken);
    }

    /// <summary>Revoking the refresh token ends the whole grant.</summary>
    public async Task RevokeAsync(PlatformTokens tokens, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Options.RevokeUrl)
        {
            Content = Form(new() { ["token"] = tokens.RefreshToken ?? tokens.AccessToken }),
        };
        request.MarkIdempotent();
        using var response = await PlatformHttp.SendAsync(http, request, Platform, ct);
        if (!response.IsSuccessStatusCode)
        {
            var error = GoogleAdsErrors.ToException(response, await response.Content.ReadAsStringAsync(ct), time);
            // An already revoked or expired token is what revoking wants.
            if (error.Kind is not (PlatformErrorKind.AuthExpired or PlatformErrorKind.Validation))
            {
                throw error;
            }
        }
    }

    public async Task<IReadOnlyList<PlatformAdAccount>> ListAdAccountsAsync(string accessToken, CancellationToken ct)
    {
        var accessible = await ApiAsync<GoogleAccessibleCustomers>(HttpMethod.Get, "customers:listAccessibleCustomers", accessToken, null, ct);
        var accounts = new List<PlatformAdAccount>();
        foreach (var resourceName in accessible.ResourceNames ?? [])
        {
            var id = GoogleAdsMapping.LastSegment(resourceName);
            var rows = await SearchAsync(new PlatformAccess(id, accessToken),
                "SELECT customer.id, customer.descriptive_name, customer.currency_code, customer.time_zone FROM customer", ct);
            var customer = rows.FirstOrDefault()?.Customer;
            accounts.Add(new PlatformAdAccount(id, customer?.DescriptiveName ?? id, customer?.CurrencyCode ?? "USD", customer?.TimeZone ?? "UTC"));
        }

        return accounts;
    }

    private async Task<GoogleTokenResponse> TokenAsync(Dictionary<string, string?> form, bool idempotent, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Options.TokenUrl) { Content = Form(form) };
        if (idempotent)
        {
            request.MarkIdempotent();
        }

        return await ReadAsync<GoogleTokenResponse>(request, "token", ct);
    }

    private PlatformTokens Tokens(GoogleTokenResponse token, string? previousRefresh) => new(
        string.IsNullOrEmpty(token.AccessToken) ? throw new PlatformException(PlatformErrorKind.Transient, "Google returned no access token.") : token.AccessToken,
        string.IsNullOrEmpty(token.RefreshToken) ? previousRefresh : token.RefreshToken,
        token.ExpiresIn is > 0 ? Now.AddSeconds(token.ExpiresIn.Value) : null,
        token.RefreshTokenExpiresIn is > 0 ? Now.AddSeconds(token.RefreshTokenExpiresIn.Value) : null);

    private static FormUrlEncodedContent Form(Dictionary<string, string?> fields) =>
        new(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));
}
