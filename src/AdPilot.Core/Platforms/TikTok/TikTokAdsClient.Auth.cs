namespace AdPilot.Core.Platforms.TikTok;

public sealed partial class TikTokAdsClient
{
    public Uri BuildAuthorizeUrl(AuthorizeRequest request) =>
        new($"{Options.AuthorizeUrl}?{PlatformHttp.Query([P("app_id", Options.AppId), P("state", request.State), P("redirect_uri", request.RedirectUri.ToString())])}");

    public async Task<PlatformTokens> ExchangeCodeAsync(CodeExchange exchange, CancellationToken ct)
    {
        var data = await PostAsync<TikTokTokenData>("oauth2/access_token/", null,
            new Dictionary<string, string?> { ["app_id"] = Options.AppId, ["secret"] = Options.Secret, ["auth_code"] = exchange.Code }, ct);
        return Tokens(data, null);
    }

    /// <summary>
    /// Long-lived advertiser tokens (no expiry, no refresh token) stay as they are; refreshable ones use
    /// <c>oauth2/refresh_token/</c>. An expired token without a refresh token needs the user again.
    /// </summary>
    public async Task<PlatformTokens> RefreshAsync(PlatformTokens current, CancellationToken ct)
    {
        if (current.RefreshToken is null)
        {
            return current.ExpiresAt is null || current.ExpiresAt > Now
                ? current
                : throw new PlatformException(PlatformErrorKind.AuthExpired, "The TikTok token has expired and cannot be refreshed; the user must authorise again.");
        }

        var data = await PostAsync<TikTokTokenData>("oauth2/refresh_token/", null, new Dictionary<string, string?>
        {
            ["app_id"] = Options.AppId,
            ["secret"] = Options.Secret,
            ["refresh_token"] = current.RefreshToken,
            ["grant_type"] = "refresh_token",
        }, ct, idempotent: true);
        return Tokens(data, current.RefreshToken);
    }

    public async Task RevokeAsync(PlatformTokens tokens, CancellationToken ct) =>
        await PostAsync<System.Text.Json.JsonElement>("oauth2/revoke_token/", null,
            new Dictionary<string, string?> { ["app_id"] = Options.AppId, ["secret"] = Options.Secret, ["access_token"] = tokens.AccessToken }, ct, idempotent: true);

    public async Task<IReadOnlyList<PlatformAdAccount>> ListAdAccountsAsync(string accessToken, CancellationToken ct)
    {
        var advertisers = await GetAsync<TikTokList<TikTokAdvertiser>>("oauth2/advertiser/get/", accessToken, [P("app_id", Options.AppId), P("secret", Options.Secret)], ct);
        var list = advertisers.List ?? [];
        var accounts = new List<PlatformAdAccount>();
        foreach (var chunk in list.Chunk(100))
        {
            var info = await GetAsync<TikTokList<TikTokAdvertiserInfo>>("advertiser/info/", accessToken,
                [P("advertiser_ids", Json(chunk.Select(a => a.AdvertiserId))), P("fields", Json(new[] { "advertiser_id", "name", "currency", "timezone" }))], ct);
            var byId = (info.List ?? []).ToDictionary(i => i.AdvertiserId);
            accounts.AddRange(chunk.Select(a => byId.TryGetValue(a.AdvertiserId, out var i)
                ? new PlatformAdAccount(a.AdvertiserId, i.Name ?? a.AdvertiserName ?? a.AdvertiserId, i.Currency ?? "USD", i.Timezone ?? "UTC")
                : new PlatformAdAccount(a.AdvertiserId, a.AdvertiserName ?? a.AdvertiserId, "USD", "UTC")));
        }

        return accounts;
    }

    private PlatformTokens Tokens(TikTokTokenData data, string? previousRefresh)
    {
        var access = string.IsNullOrEmpty(data.AccessToken)
            ? throw new PlatformException(PlatformErrorKind.Transient, "TikTok returned no access token.")
            : data.AccessToken;
        return new PlatformTokens(
            access,
            string.IsNullOrEmpty(data.RefreshToken) ? previousRefresh : data.RefreshToken,
            data.AccessTokenExpiresIn is > 0 ? Now.AddSeconds(data.AccessTokenExpiresIn.Value) : null,
            data.RefreshTokenExpiresIn is > 0 ? Now.AddSeconds(data.RefreshTokenExpiresIn.Value) : null);
    }
}
