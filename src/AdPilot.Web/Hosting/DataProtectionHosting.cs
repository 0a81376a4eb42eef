using System.Security.Cryptography.X509Certificates;
using AdPilot.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AdPilot.Web.Hosting;

/// <summary>
/// The Data Protection key ring (session cookies, antiforgery, protected tokens) lives in the database: durable, shared
/// by every node, untouched by a Redis flush. Keys are encrypted at rest with <c>DataProtection:CertificatePath</c>
/// (a PFX, with <c>DataProtection:CertificatePassword</c>) when set; without it Production warns at every start.
/// </summary>
internal static class DataProtectionHosting
{
    public static void AddDataProtectionKeys(this WebApplicationBuilder builder, AppPaths paths)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("AdPilot");
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
            o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IDbContextFactory<AppDbContext>>(), sp.GetRequiredService<TimeProvider>())));

        var certificatePath = builder.Configuration["DataProtection:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(certificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(
                Path.GetFullPath(certificatePath, paths.Root), builder.Configuration["DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }
        else if (builder.Environment.IsProduction())
        {
            builder.Services.AddHostedService<UnencryptedKeysWarning>();
        }
    }

    private sealed class UnencryptedKeysWarning(ILogger<UnencryptedKeysWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            logger.LogCritical(
                "DATA PROTECTION KEYS ARE STORED UNENCRYPTED in the database: anyone who can read it can forge sessions. " +
                "Set DataProtection:CertificatePath (a PFX file) and DataProtection:CertificatePassword.");
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
