using System.Security.Cryptography;
using System.Text;
using AdPilot.Core.Identity;
using Microsoft.IdentityModel.Tokens;

namespace AdPilot.Web.Features.OAuth;

/// <summary>
/// The authorization server's keys, derived (HKDF-SHA256) from <c>Auth:Jwt:SigningKey</c>: every node that shares that
/// key signs and decrypts the same tokens, they survive restarts, and nothing new is stored (docs/decisions/018).
/// Signing is ES256 (OpenIddict requires an asymmetric key; P-256 private keys are any scalar below the curve order,
/// so one can be derived); encryption is A256KW with a symmetric key, since only AdPilot reads its tokens.
/// </summary>
internal static class OAuthKeys
{
    // The order n of NIST P-256: a private scalar must be in [1, n-1].
    private static readonly byte[] CurveOrder = Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");

    public static SigningCredentials Signing(JwtOptions jwt)
    {
        var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = PrivateScalar(Secret(jwt)) });
        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = KeyId("es256", ecdsa.ExportSubjectPublicKeyInfo());
        return new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256);
    }

    public static EncryptingCredentials Encryption(JwtOptions jwt)
    {
        var material = HKDF.DeriveKey(HashAlgorithmName.SHA256, Secret(jwt), 32, salt: [], info: Encoding.ASCII.GetBytes("AdPilot OAuth encryption v1"));
        var key = new SymmetricSecurityKey(material);
        key.KeyId = KeyId("a256kw", SHA256.HashData(material));
        return new EncryptingCredentials(key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512);
    }

    private static byte[] Secret(JwtOptions jwt) => Convert.FromBase64String(jwt.SigningKey);

    private static byte[] PrivateScalar(byte[] secret)
    {
        // A derived value at or above the order (odds about 2^-32) or zero is skipped for the next counter.
        for (var counter = 0; ; counter++)
        {
            var d = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, 32, salt: [], info: Encoding.ASCII.GetBytes($"AdPilot OAuth signing v1/{counter}"));
            if (d.AsSpan().SequenceCompareTo(CurveOrder) < 0 && d.Any(b => b != 0))
            {
                return d;
            }
        }
    }

    private static string KeyId(string prefix, byte[] material) => $"{prefix}-{Convert.ToHexStringLower(SHA256.HashData(material))[..16]}";
}
