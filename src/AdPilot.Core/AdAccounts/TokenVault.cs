using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace AdPilot.Core.AdAccounts;

/// <summary>
/// Seals platform tokens with AES-256-GCM under the active key; every ciphertext is stored with its key id, so keys can
/// rotate (new tokens use the active key, old ones open with theirs). The owner's id is authenticated with the data,
/// so a ciphertext copied to another user's row does not open.
/// </summary>
public sealed class TokenVault
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public TokenVault(IOptions<TokenVaultOptions> options)
    {
        var o = options.Value;
        _keys = o.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        _activeKeyId = o.ActiveKeyId ?? throw new InvalidOperationException("TokenVault:ActiveKeyId is not set.");
        if (!_keys.TryGetValue(_activeKeyId, out var active) || active.Length != 32)
        {
            throw new InvalidOperationException("TokenVault: the active key must be 32 bytes (base64).");
        }
    }

    public string ActiveKeyId => _activeKeyId;

    public SealedToken Seal(string plaintext, long ownerId)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[NonceSize + TagSize + data.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_activeKeyId], TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), Aad(ownerId));
        return new SealedToken(Convert.ToBase64String(output), _activeKeyId);
    }

    /// <summary>Opens a sealed token; a wrong or unknown key, another owner or any altered byte fails.</summary>
    public string Open(string ciphertext, string keyId, long ownerId)
    {
        if (!_keys.TryGetValue(keyId, out var key))
        {
            throw new TokenVaultException($"Unknown token key \"{keyId}\": keep retired keys in TokenVault:Keys until every token was re-sealed.");
        }

        byte[] input;
        try
        {
            input = Convert.FromBase64String(ciphertext);
        }
        catch (FormatException ex)
        {
            throw new TokenVaultException("The sealed token is damaged.", ex);
        }

        if (input.Length < NonceSize + TagSize)
        {
            throw new TokenVaultException("The sealed token is damaged.");
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, Aad(ownerId));
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new TokenVaultException("The sealed token does not open with this key: it was altered or sealed for someone else.", ex);
        }

        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Aad(long ownerId) => Encoding.UTF8.GetBytes($"adpilot:ad-account-token:{ownerId}");
}

public sealed record SealedToken(string Ciphertext, string KeyId);

public sealed class TokenVaultException : Exception
{
    public TokenVaultException(string message)
        : base(message)
    {
    }

    public TokenVaultException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// <c>TokenVault:Keys:{id}</c> = base64 of 32 random bytes, <c>TokenVault:ActiveKeyId</c> = the id new tokens use.
/// With no keys configured the host creates one local key under the data directory on first run.
/// </summary>
public sealed class TokenVaultOptions
{
    public const string Section = "TokenVault";

    public string? ActiveKeyId { get; set; }

    public Dictionary<string, string> Keys { get; set; } = [];
}
