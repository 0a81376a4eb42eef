using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AdPilot.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LandingPagesVersionsLeadsStats : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Conversions",
                table: "LandingPages");

            migrationBuilder.RenameColumn(
                name: "Visits",
                table: "LandingPages",
                newName: "NotifyOnLead");

            migrationBuilder.AddColumn<string>(
                name: "PublishedETag",
                table: "LandingPages",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedKey",
                table: "LandingPages",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PublishedVersion",
                table: "LandingPages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LandingPageDailyStats",
                columns: table => new
                {
                    LandingPageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    Views = table.Column<long>(type: "INTEGER", nullable: false),
                    Clicks = table.Column<long>(type: "INTEGER", nullable: false),
                    Leads = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LandingPageDailyStats", x => new { x.LandingPageId, x.Date });
                    table.ForeignKey(
                        name: "FK_LandingPageDailyStats_LandingPages_LandingPageId",
                        column: x => x.LandingPageId,
                        principalTable: "LandingPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LandingPageLeads",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    LandingPageId = table.Column<long>(type: "INTEGER", nullable: false),
                    FieldsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LandingPageLeads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LandingPageLeads_LandingPages_LandingPageId",
                        column: x => x.LandingPageId,
                        principalTable: "LandingPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LandingPageVersions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<long>(type: "INTEGER", nullable: false),
                    LandingPageId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ContentJson = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBytes = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LandingPageVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LandingPageVersions_LandingPages_LandingPageId",
                        column: x => x.LandingPageId,
                        principalTable: "LandingPages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageDailyStats_UserId_Date",
                table: "LandingPageDailyStats",
                columns: new[] { "UserId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageLeads_LandingPageId_CreatedAt",
                table: "LandingPageLeads",
                columns: new[] { "LandingPageId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageLeads_UserId_CreatedAt",
                table: "LandingPageLeads",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageVersions_LandingPageId_Version",
                table: "LandingPageVersions",
                columns: new[] { "LandingPageId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LandingPageVersions_UserId",
                table: "LandingPageVersions",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LandingPageDailyStats");

            migrationBuilder.DropTable(
                name: "LandingPageLeads");

            migrationBuilder.DropTable(
                name: "LandingPageVersions");

            migrationBuilder.DropColumn(
                name: "PublishedETag",
                table: "LandingPages");

            migrationBuilder.DropColumn(
                name: "PublishedKey",
                table: "LandingPages");

            migrationBuilder.DropColumn(
                name: "PublishedVersion",
                table: "LandingPages");

            migrationBuilder.RenameColumn(
                name: "NotifyOnLead",
                table: "LandingPages",
                newName: "Visits");

            migrationBuilder.AddColumn<long>(
                name: "Conversions",
                table: "LandingPages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
