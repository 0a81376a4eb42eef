using AdPilot.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AdPilot.Migrations.MySql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the MySQL model with a fixed server version, no server needed.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.MySql, "Server=localhost;Database=adpilot", new DatabaseOptions().ServerVersion);
        return new AppDbContext(builder.Options);
    }
}
