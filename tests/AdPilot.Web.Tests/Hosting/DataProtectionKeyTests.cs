using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AdPilot.Core.Data;
using AdPilot.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AdPilot.Web.Tests.Hosting;

public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task KeyRing_WithACertificate_IsStoredEncryptedInTheDatabaseAndReadBack()
    {
        var pfx = Path.Combine(Path.GetTempPath(), "adpilot-dp-" + Guid.NewGuid().ToString("N") + ".pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=adpilot-test-keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        }

        try
        {
            await using var factory = AdPilotFactory.With(settings: new Dictionary<string, string?>
            {
                ["DataProtection:CertificatePath"] = pfx,
                ["DataProtection:CertificatePassword"] = "test-password",
            });
            var browser = factory.CreateClient();
            (await browser.PostDevLoginAsync("keys@example.com")).EnsureSuccessStatusCode();

            await using var db = await factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var stored = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the plain master key element
            });
            // Read back from the table (not the in-memory ring) and decrypted with the certificate.
            var keys = factory.Services.GetRequiredService<IKeyManager>().GetAllKeys();
            Assert.All(keys, k => Assert.NotNull(k.Descriptor));
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}
