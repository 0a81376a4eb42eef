using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdPilot.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite model without the web host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, "Data Source=design.db", "");
        return new AppDbContext(builder.Options);
    }
}
