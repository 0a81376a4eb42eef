using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdPilot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Reports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportArchivedMetrics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    AdAccountId = table.Column<long>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<long>(type: "INTEGER", nullable: false),
                    AdSetId = table.Column<long>(type: "INTEGER", nullable: false),
                    AdId = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Spend = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    Impressions = table.Column<long>(type: "INTEGER", nullable: false),
                    Clicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Conversions = table.Column<long>(type: "INTEGER", nullable: false),
                    Revenue = table.Column<long>(type: "INTEGER", precision: 18, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ArchivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportArchivedMetrics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportArchivedMetrics_AdAccounts_AdAccountId",
                        column: x => x.AdAccountId,
                        principalTable: "AdAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportCampaignDays",
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
                    table.PrimaryKey("PK_ReportCampaignDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportCampaignDays_AdAccounts_AdAccountId",
                        column: x => x.AdAccountId,
                        principalTable: "AdAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportArchivedMetrics_AdAccountId",
                table: "ReportArchivedMetrics",
                column: "AdAccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportArchivedMetrics_AdId_Date",
                table: "ReportArchivedMetrics",
                columns: new[] { "AdId", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportArchivedMetrics_AdSetId_Date",
                table: "ReportArchivedMetrics",
                columns: new[] { "AdSetId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportArchivedMetrics_CampaignId_Date",
                table: "ReportArchivedMetrics",
                columns: new[] { "CampaignId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportArchivedMetrics_UserId_Date",
                table: "ReportArchivedMetrics",
                columns: new[] { "UserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCampaignDays_AdAccountId_Date",
                table: "ReportCampaignDays",
                columns: new[] { "AdAccountId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportCampaignDays_CampaignId_Date_Currency",
                table: "ReportCampaignDays",
                columns: new[] { "CampaignId", "Date", "Currency" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportCampaignDays_Covering",
                table: "ReportCampaignDays",
                columns: new[] { "UserId", "Date", "AdAccountId", "CampaignId", "Currency", "Spend", "Impressions", "Clicks", "Conversions", "Revenue" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportArchivedMetrics");

            migrationBuilder.DropTable(
                name: "ReportCampaignDays");
        }
    }
}
