namespace AdPilot.Core.Platforms.Meta;

public sealed partial class MetaAdsClient
{
    public Uri BuildAuthorizeUrl(AuthorizeRequest request)
    {
        var query = PlatformHttp.Query(
        [
            P("client_id", Options.AppId),
            P("redirect_uri", request.RedirectUri.ToString()),
            P("state", request.State),
            P("scope", Options.Scopes),
            P("response_type", "code"),
        ]);
        return new Uri($"{Options.AuthorizeUrl.Replace("{version}", Options.GraphApiVersion, StringComparison.Ordinal)}?{query}");
    }

    /// <summary>Code → short-lived token → long-lived token (<c>fb_exchange_token</c>), as Meta recommends for server apps.</summary>
    public async Task<PlatformTokens> ExchangeCodeAsync(CodeExchange exchange, CancellationToken ct)
    {
        var shortLived = await SendAsync<MetaTokenResponse>(HttpMethod.Get, "oauth/access_token", null,
        [
            P("client_id", Options.AppId),
            P("redirect_uri", exchange.RedirectUri.ToString()),
            P("client_secret", Options.AppSecret),
            P("code", exchange.Code),
        ], ct);
        return await ExchangeForLongLivedAsync(Required(shortLived.AccessToken), ct);
    }

    /// <summary>Meta has no refresh token: a still-valid long-lived token is exchanged for a fresh one.</summary>
    public Task<PlatformTokens> RefreshAsync(PlatformTokens current, CancellationToken ct) =>
        current.ExpiresAt is { } expires && expires <= Now
            ? throw new PlatformException(PlatformErrorKind.AuthExpired, "The Meta token has expired; the user must authorise again.")
            : ExchangeForLongLivedAsync(current.AccessToken, ct);

    public async Task RevokeAsync(PlatformTokens tokens, CancellationToken ct) =>
        await SendAsync<Dictionary<string, object>>(HttpMethod.Delete, "me/permissions", tokens.AccessToken, null, ct);

    public async Task<IReadOnlyList<PlatformAdAccount>> ListAdAccountsAsync(string accessToken, CancellationToken ct)
    {
        var accounts = await GetAllAsync<MetaAdAccountDto>("me/adaccounts", accessToken, [P("fields", "id,name,currency,timezone_name")], ct);
        return [.. accounts.Select(a => new PlatformAdAccount(a.Id, a.Name ?? a.Id, a.Currency ?? "USD", a.TimezoneName ?? "UTC"))];
    }

    private async Task<PlatformTokens> ExchangeForLongLivedAsync(string token, CancellationToken ct)
    {
        var longLived = await SendAsync<MetaTokenResponse>(HttpMethod.Get, "oauth/access_token", null,
        [
            P("grant_type", "fb_exchange_token"),
            P("client_id", Options.AppId),
            P("client_secret", Options.AppSecret),
            P("fb_exchange_token", token),
        ], ct);
        var lifetime = longLived.ExpiresIn is > 0 ? TimeSpan.FromSeconds(longLived.ExpiresIn.Value) : LongLivedDefault;
        return new PlatformTokens(Required(longLived.AccessToken), null, Now + lifetime);
    }

    private static string Required(string? token) =>
        string.IsNullOrEmpty(token) ? throw new PlatformException(PlatformErrorKind.Transient, "Meta returned no access token.") : token;
}
