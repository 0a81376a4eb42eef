using System.Text;
using AdPilot.Core.AdAccounts;
using AdPilot.Core.Tests.Support;
using FsCheck;
using FsCheck.Xunit;

namespace AdPilot.Core.Tests.AdAccounts;

/// <summary>P2: sealed tokens round-trip, never hold the plaintext, differ each time, and fail loudly when altered or opened with the wrong key.</summary>
public sealed class TokenVaultTests
{
    private static readonly TokenVault Vault = ServiceFactory.Vault();

    [Property(MaxTest = 200)]
    public bool RoundTrip_AnyToken(NonNull<string> token, long owner)
    {
        var sealedToken = Vault.Seal(token.Get, owner);
        return Vault.Open(sealedToken.Ciphertext, sealedToken.KeyId, owner) == token.Get && sealedToken.KeyId == "k1";
    }

    [Property(MaxTest = 200)]
    public bool Ciphertext_NeverHoldsThePlaintext_AndDiffersEachTime(NonEmptyString token)
    {
        var plaintext = "EAAB" + token.Get; // real tokens are long; a 1-character token could appear in base64 by chance
        var first = Vault.Seal(plaintext, 7);
        var second = Vault.Seal(plaintext, 7);
        var raw = Convert.FromBase64String(first.Ciphertext);
        return !first.Ciphertext.Contains(plaintext, StringComparison.Ordinal)
            && !Encoding.UTF8.GetString(raw).Contains(plaintext, StringComparison.Ordinal)
            && first.Ciphertext != second.Ciphertext;
    }

    [Property(MaxTest = 200)]
    public bool AnyAlteredByte_FailsLoudly(NonEmptyString token, PositiveInt position, byte flip)
    {
        var raw = Convert.FromBase64String(Vault.Seal(token.Get, 1).Ciphertext);
        raw[position.Get % raw.Length] ^= (byte)(flip | 1);
        try
        {
            Vault.Open(Convert.ToBase64String(raw), "k1", 1);
            return false;
        }
        catch (TokenVaultException)
        {
            return true;
        }
    }

    [Fact]
    public void WrongKey_AnotherOwner_UnknownKey_AndGarbage_FailLoudly()
    {
        var sealedToken = Vault.Seal("EAABsecret-access-token", 1);
        var otherKey = ServiceFactory.Vault("k1", Convert.ToBase64String(new byte[32]));

        Assert.Throws<TokenVaultException>(() => otherKey.Open(sealedToken.Ciphertext, "k1", 1));
        Assert.Throws<TokenVaultException>(() => Vault.Open(sealedToken.Ciphertext, "k1", 2));
        Assert.Throws<TokenVaultException>(() => Vault.Open(sealedToken.Ciphertext, "k9", 1));
        Assert.Throws<TokenVaultException>(() => Vault.Open("not base64!", "k1", 1));
        Assert.Throws<TokenVaultException>(() => Vault.Open("AAAA", "k1", 1));
    }

    [Fact]
    public void Rotation_NewTokensUseTheActiveKey_OldOnesStillOpen()
    {
        var oldKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        var before = ServiceFactory.Vault("2025", oldKey).Seal("old-token", 1);
        var rotated = new TokenVault(Microsoft.Extensions.Options.Options.Create(new TokenVaultOptions
        {
            ActiveKeyId = "2026",
            Keys = { ["2025"] = oldKey, ["2026"] = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray()) },
        }));

        Assert.Equal("old-token", rotated.Open(before.Ciphertext, before.KeyId, 1));
        Assert.Equal("2026", rotated.Seal("new-token", 1).KeyId);
    }
}
