using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdPilot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportAccountDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportAccountDays",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    AdAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Spend = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    Impressions = table.Column<long>(type: "INTEGER", nullable: false),
                    Clicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Conversions = table.Column<long>(type: "INTEGER", nullable: false),
                    Revenue = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportAccountDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportAccountDays_AdAccounts_AdAccountId",
                        column: x => x.AdAccountId,
                        principalTable: "AdAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportAccountDays_AdAccountId_Date_Currency",
                table: "ReportAccountDays",
                columns: new[] { "AdAccountId", "Date", "Currency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportAccountDays_Covering",
                table: "ReportAccountDays",
                columns: new[] { "UserId", "Date", "AdAccountId", "Currency", "Spend", "Impressions", "Clicks", "Conversions", "Revenue" });

            // Existing campaign-day rows get their account days, so totals stay exact across the upgrade.
            migrationBuilder.Sql("""
                INSERT INTO ReportAccountDays (UserId, AdAccountId, Date, Currency, Spend, Impressions, Clicks, Conversions, Revenue)
                SELECT UserId, AdAccountId, Date, Currency, SUM(Spend), SUM(Impressions), SUM(Clicks), SUM(Conversions), SUM(Revenue)
                FROM ReportCampaignDays
                GROUP BY UserId, AdAccountId, Date, Currency
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportAccountDays");
        }
    }
}
