using System.Xml.Linq;
using AdPilot.Core.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace AdPilot.Web.Hosting;

/// <summary>Data Protection's key storage in the <c>DataProtectionKeys</c> table (the framework calls it synchronously).</summary>
internal sealed class DatabaseXmlRepository(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.CreateDbContext();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.CreateDbContext();
        db.DataProtectionKeys.Add(new DataProtectionKey
        {
            FriendlyName = friendlyName.Length > 200 ? friendlyName[..200] : friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }
}
