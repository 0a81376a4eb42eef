using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdPilot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReportWeeks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportCampaignWeeks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    AdAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
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
                    table.PrimaryKey("PK_ReportCampaignWeeks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportCampaignWeeks_AdAccounts_AdAccountId",
                        column: x => x.AdAccountId,
                        principalTable: "AdAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCampaignWeeks_AdAccountId_Date",
                table: "ReportCampaignWeeks",
                columns: new[] { "AdAccountId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCampaignWeeks_CampaignId_Date_Currency",
                table: "ReportCampaignWeeks",
                columns: new[] { "CampaignId", "Date", "Currency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportCampaignWeeks_Covering",
                table: "ReportCampaignWeeks",
                columns: new[] { "UserId", "Date", "AdAccountId", "CampaignId", "Currency", "Spend", "Impressions", "Clicks", "Conversions", "Revenue" });

            // Existing campaign-day rows get their weeks (ISO, from Monday), so totals stay exact across the upgrade.
            migrationBuilder.Sql("""
                INSERT INTO ReportCampaignWeeks (UserId, AdAccountId, CampaignId, Date, Currency, Spend, Impressions, Clicks, Conversions, Revenue)
                SELECT UserId, AdAccountId, CampaignId, date(Date, '-' || ((CAST(strftime('%w', Date) AS INTEGER) + 6) % 7) || ' days'), Currency,
                       SUM(Spend), SUM(Impressions), SUM(Clicks), SUM(Conversions), SUM(Revenue)
                FROM ReportCampaignDays
                GROUP BY UserId, AdAccountId, CampaignId, date(Date, '-' || ((CAST(strftime('%w', Date) AS INTEGER) + 6) % 7) || ' days'), Currency
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportCampaignWeeks");
        }
    }
}
