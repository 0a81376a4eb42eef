using System;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdPilot.Migrations.MySql.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("MySql:ValueGenerationStrategy", MySqlValueGenerationStrategy.IdentityColumn),
                    UserId = table.Column<long>(type: "bigint", nullable: false),
                    AdAccountId = table.Column<long>(type: "bigint", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Currency = table.Column<string>(type: "varchar(3)", maxLength: 3, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    Spend = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false),
                    Impressions = table.Column<long>(type: "bigint", nullable: false),
                    Clicks = table.Column<long>(type: "bigint", nullable: false),
                    Conversions = table.Column<long>(type: "bigint", nullable: false),
                    Revenue = table.Column<decimal>(type: "decimal(18,4)", precision: 18, scale: 4, nullable: false)
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
                })
                .Annotation("MySql:CharSet", "utf8mb4");

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
